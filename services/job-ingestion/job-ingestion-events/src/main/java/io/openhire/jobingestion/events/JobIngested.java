package io.openhire.jobingestion.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job posting was ingested or changed (new text, new status): the normalised posting as OpenHire keeps
 * it, for job-processing (skills, optimisation) and matching. Postings are public texts, so the event
 * carries them in full (the description is capped at ingestion).
 *
 * @param jobId the job's id (also the Kafka key)
 * @param organizationId the owning organisation
 * @param revision grows by one with every change of the job; consumers keep the highest
 * @param status {@code OPEN}, or {@code CLOSED} once its source no longer lists it
 * @param canonicalJobId the job this one is a near duplicate of, or null when it is canonical itself
 * @param title the clean title (without level noise such as "(m/f/d)")
 * @param employer the hiring organisation's name, when known
 * @param description the posting's text, paragraphs and list items on their own lines
 * @param locations where the job is (country as ISO 3166 alpha-2); empty when not stated
 * @param workplace {@code ON_SITE}, {@code HYBRID}, {@code REMOTE}, or null when not stated
 * @param employmentType schema.org employment type ({@code FULL_TIME}, {@code CONTRACTOR}, ...) or null
 * @param seniority {@code INTERN} … {@code EXECUTIVE}, or null when the title says nothing
 * @param salary the pay when stated, or null
 * @param postedAt when the employer published it, when known
 * @param expiresAt when applications close, when known
 * @param applyUrl where candidates apply
 * @param sourceKind {@code GREENHOUSE}, {@code LEVER}, {@code JSON_LD}, {@code FEED}, {@code USAJOBS},
 *     {@code PUSH} or {@code UPLOAD}
 * @param sourceId the configured source it came from, null for pushed and uploaded postings
 * @param occurredAt when this revision was recorded
 */
public record JobIngested(
        UUID jobId,
        UUID organizationId,
        int revision,
        String status,
        UUID canonicalJobId,
        String title,
        String employer,
        String description,
        List<Location> locations,
        String workplace,
        String employmentType,
        String seniority,
        Salary salary,
        Instant postedAt,
        Instant expiresAt,
        String applyUrl,
        String sourceKind,
        UUID sourceId,
        Instant occurredAt) {

    public static final String TOPIC = "job.ingested.v1";

    /** One place of work; any part may be null. {@code text} is what the posting said. */
    public record Location(String city, String region, String country, String text) {}

    /**
     * @param period {@code HOUR}, {@code DAY}, {@code WEEK}, {@code MONTH} or {@code YEAR}
     * @param estimated a job board's estimate, not the employer's figure
     */
    public record Salary(BigDecimal min, BigDecimal max, String currency, String period, boolean estimated) {}
}
