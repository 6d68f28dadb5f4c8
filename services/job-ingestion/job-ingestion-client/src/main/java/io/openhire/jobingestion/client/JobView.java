package io.openhire.jobingestion.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A normalised job posting. In a list ({@link JobPage}) {@code description} and {@code duplicates} are left
 * out; every other field is always there, null when unknown.
 *
 * @param status {@code OPEN}, {@code CLOSED} (its source no longer lists it) or {@code EXPIRED} (past its
 *     closing date)
 * @param revision grows by one with every change of the job
 * @param title the clean title (without level noise such as "(m/f/d)"); {@code titleOriginal} as posted
 * @param locations where the job is; empty when not stated
 * @param workplace {@code ON_SITE}, {@code HYBRID}, {@code REMOTE}, or null when not stated
 * @param employmentType schema.org employment type ({@code FULL_TIME}, {@code CONTRACTOR}, ...) or null
 * @param seniority {@code INTERN} … {@code EXECUTIVE}, or null when the title says nothing
 * @param salary the pay when stated, or null
 * @param canonicalJobId the job this one is a near duplicate of, or null when it is canonical itself
 * @param duplicates the jobs linked to this one as its near duplicates (one job only)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobView(
        UUID id,
        String status,
        int revision,
        String title,
        String titleOriginal,
        String employer,
        List<Location> locations,
        String workplace,
        String employmentType,
        String seniority,
        Salary salary,
        Instant postedAt,
        Instant expiresAt,
        String applyUrl,
        UUID canonicalJobId,
        Provenance provenance,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Duplicate> duplicates) {

    /** One place of work; any part may be null. {@code country} is ISO 3166 alpha-2, {@code text} as posted. */
    public record Location(String city, String region, String country, String text) {}

    /**
     * @param period {@code HOUR}, {@code DAY}, {@code WEEK}, {@code MONTH} or {@code YEAR}
     * @param estimated a job board's estimate, not the employer's figure
     * @param text the pay as the posting wrote it
     * @param annualMin the minimum per year, for comparing jobs paid by different periods
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Salary(
            BigDecimal min,
            BigDecimal max,
            String currency,
            String period,
            boolean estimated,
            String text,
            BigDecimal annualMin,
            BigDecimal annualMax) {}

    /**
     * Where a job came from, as the source gave it.
     *
     * @param sourceId the configured source, null for pushed and uploaded postings
     * @param sourceKind {@code GREENHOUSE}, {@code LEVER}, {@code JSON_LD}, {@code FEED}, {@code USAJOBS},
     *     {@code PUSH} or {@code UPLOAD}
     */
    public record Provenance(UUID sourceId, String sourceKind, String externalId, String url, Instant fetchedAt) {}

    /** A near duplicate linked to a canonical job. */
    public record Duplicate(UUID id, String title, String employer, String sourceKind, String url, Instant createdAt) {}
}
