package io.openhire.jobprocessing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job (revision) was analysed: what it asks for, for matching, and how well its ad is written.
 *
 * @param jobId the job's id (also the Kafka key)
 * @param organizationId the owning organisation
 * @param jobRevision the job revision analysed; consumers keep the highest
 * @param status {@code OPEN} or {@code CLOSED}, as job-ingestion said
 * @param canonicalJobId the job this one duplicates, or null
 * @param title the clean title
 * @param employer the hiring organisation, when known
 * @param seniority {@code INTERN} … {@code EXECUTIVE}, from the title or the years asked for; null if unsaid
 * @param minYearsExperience the fewest years of experience the ad asks for, or null
 * @param requiredSkills skills the ad requires
 * @param niceToHaveSkills skills the ad only prefers
 * @param keywords the ad's most telling words and phrases, best first
 * @param workplace {@code ON_SITE}, {@code HYBRID}, {@code REMOTE} or null
 * @param locations where the job is
 * @param salary the pay per year, when stated
 * @param adScore the optimisation report's score (0–100)
 * @param taxonomyVersion the skills taxonomy the skills come from
 * @param occurredAt when the analysis was made
 */
public record JobOptimized(
        UUID jobId,
        UUID organizationId,
        int jobRevision,
        String status,
        UUID canonicalJobId,
        String title,
        String employer,
        String seniority,
        Integer minYearsExperience,
        List<JobSkill> requiredSkills,
        List<JobSkill> niceToHaveSkills,
        List<String> keywords,
        String workplace,
        List<Location> locations,
        AnnualSalary salary,
        int adScore,
        String taxonomyVersion,
        Instant occurredAt) {

    public static final String TOPIC = "job.optimized.v1";

    /** A taxonomy skill ({@code id} set) or a phrase the ad names as a skill ({@code id} null). */
    public record JobSkill(String id, String name) {}

    /** Country as ISO 3166 alpha-2; any part may be null. */
    public record Location(String city, String region, String country) {}

    public record AnnualSalary(BigDecimal min, BigDecimal max, String currency) {}
}
