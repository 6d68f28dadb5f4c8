package io.openhire.jobingestion.connectors;

import io.openhire.jobingestion.normalisation.Salary;
import java.time.Instant;
import java.util.List;

/**
 * A job posting as a source gives it, before normalisation: whatever fields the source has, as text.
 *
 * @param externalId the posting's id at its source (for a re-crawl to update, not duplicate, it)
 * @param title the title as written
 * @param employer the hiring organisation, when the source names it
 * @param description plain text, paragraphs and list items on their own lines
 * @param locations the location texts as written ("New York, NY, United States", "Remote - US")
 * @param workplace what the source says about remote work ("remote", "hybrid", "TELECOMMUTE"), or null
 * @param employmentType as written ("Full-time", "FULL_TIME", "Contract")
 * @param salary pay the source states in fields of its own, or null
 * @param salaryText pay as a text ("$120k–150k"), read when {@code salary} is null
 * @param postedAt when it was published, when known
 * @param expiresAt when applications close, when known
 * @param applyUrl where candidates apply
 * @param url the posting's page at its source
 */
public record Posting(
        String externalId,
        String title,
        String employer,
        String description,
        List<String> locations,
        String workplace,
        String employmentType,
        Salary salary,
        String salaryText,
        Instant postedAt,
        Instant expiresAt,
        String applyUrl,
        String url) {

    public Posting {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
