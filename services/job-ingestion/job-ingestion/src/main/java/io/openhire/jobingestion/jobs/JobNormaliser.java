package io.openhire.jobingestion.jobs;

import io.openhire.jobingestion.JobIngestionProperties;
import io.openhire.jobingestion.connectors.Posting;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobingestion.normalisation.Employers;
import io.openhire.jobingestion.normalisation.JobLocations;
import io.openhire.jobingestion.normalisation.JobTitles;
import io.openhire.jobingestion.normalisation.Salary;
import io.openhire.jobingestion.normalisation.SalaryParser;
import io.openhire.jobingestion.normalisation.SimHash;
import io.openhire.platform.crypto.Sha256;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A source's {@link Posting} → the fields OpenHire compares and searches: clean title with seniority,
 * employer, locations with workplace, employment type, salary, dates, apply URL, and the fingerprints
 * for change and near-duplicate detection. A posting without a title is refused with the reason.
 */
@Component
public class JobNormaliser {

    static final int MAX_TITLE = 300;
    static final int MAX_ID = 300;
    static final int MAX_URL = 2000;

    private final JobIngestionProperties properties;

    JobNormaliser(JobIngestionProperties properties) {
        this.properties = properties;
    }

    /** A posting that cannot become a job; the reason is shown to the user. */
    public static class InvalidPosting extends RuntimeException {
        public InvalidPosting(String reason) {
            super(reason);
        }
    }

    public record Normalised(
            String externalId,
            String title,
            String titleOriginal,
            String employer,
            String employerKey,
            String description,
            List<JobIngested.Location> locations,
            String workplace,
            String employmentType,
            String seniority,
            Salary salary,
            Instant postedAt,
            Instant expiresAt,
            String applyUrl,
            String sourceUrl,
            String contentSha256,
            long simhash) {

        /** What near-duplicate detection compares. */
        public String comparableText() {
            return title + "\n" + description;
        }
    }

    public Normalised normalise(Posting p) {
        String rawTitle = clean(p.title());
        if (rawTitle == null) {
            throw new InvalidPosting("A posting needs a title");
        }
        if (rawTitle.length() > MAX_TITLE) {
            throw new InvalidPosting("The title is longer than " + MAX_TITLE + " characters");
        }
        JobTitles.Title title = JobTitles.read(rawTitle);
        String description = p.description() == null ? "" : p.description().strip();
        if (description.length() > properties.maxDescriptionChars()) {
            description = description.substring(0, properties.maxDescriptionChars());
        }
        String employer = clean(p.employer());
        if (employer != null && employer.length() > MAX_TITLE) {
            employer = employer.substring(0, MAX_TITLE);
        }

        List<JobIngested.Location> locations = new ArrayList<>();
        JobTitles.Workplace workplace = JobTitles.workplace(p.workplace());
        for (String text : p.locations()) {
            List<JobLocations.JobLocation> read = JobLocations.read(text);
            for (JobLocations.JobLocation l : read) {
                locations.add(new JobIngested.Location(l.city(), l.region(), l.country(), l.text()));
                if (workplace == null) {
                    workplace = l.workplace();
                }
            }
            if (read.isEmpty() && text != null && !text.isBlank()) {
                locations.add(new JobIngested.Location(null, null, null, text.strip()));
            }
        }
        if (workplace == null) {
            workplace = title.workplace();
        }
        JobTitles.EmploymentType type = JobTitles.employmentType(p.employmentType());
        if (type == null) {
            type = title.employmentType();
        }
        Salary salary = p.salary();
        if (salary == null && p.salaryText() != null) {
            salary = SalaryParser.parse(p.salaryText()).orElse(null);
        }
        if (salary == null) {
            salary = SalaryParser.parse(description).orElse(null);
        }
        String cleanTitle = title.clean() == null ? rawTitle : title.clean();
        String applyUrl = url(p.applyUrl());
        String sourceUrl = url(p.url());
        String externalId = clean(p.externalId());
        if (externalId != null && externalId.length() > MAX_ID) {
            throw new InvalidPosting("The posting's id is longer than " + MAX_ID + " characters");
        }
        String fingerprint = String.join(
                "\u0001",
                rawTitle,
                Objects.toString(employer, ""),
                description,
                locations.toString(),
                Objects.toString(workplace, ""),
                Objects.toString(type, ""),
                salary == null ? "" : salary.min() + "-" + salary.max() + salary.currency() + salary.period(),
                Objects.toString(p.postedAt(), ""),
                Objects.toString(p.expiresAt(), ""),
                Objects.toString(applyUrl, ""));
        return new Normalised(
                externalId,
                cleanTitle,
                rawTitle,
                employer,
                Employers.key(employer),
                description,
                List.copyOf(locations),
                workplace == null ? null : workplace.name(),
                type == null ? null : type.name(),
                title.seniority() == null ? null : title.seniority().name(),
                salary,
                p.postedAt(),
                p.expiresAt(),
                applyUrl,
                sourceUrl,
                Sha256.hex(fingerprint),
                SimHash.of(cleanTitle + "\n" + description));
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "")
                .replaceAll("\\s+", " ")
                .strip();
        return t.isEmpty() ? null : t;
    }

    /** Absolute http(s) URLs only; anything else (javascript:, relative, garbage) is dropped. */
    private static String url(String s) {
        if (s == null || s.isBlank() || s.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = URI.create(s.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
