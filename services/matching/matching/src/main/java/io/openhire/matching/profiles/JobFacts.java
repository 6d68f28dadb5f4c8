package io.openhire.matching.profiles;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What matching ranks a job on, from {@code job.optimized.v1}.
 *
 * @param status {@code OPEN} or {@code CLOSED}
 * @param canonicalJobId the job this one duplicates, or null: duplicates are not offered to candidates
 * @param seniority {@code INTERN}, {@code ENTRY}, {@code MID}, {@code SENIOR}, {@code LEAD}, {@code MANAGER},
 *     {@code DIRECTOR}, {@code EXECUTIVE} or null
 */
public record JobFacts(
        UUID jobId,
        int revision,
        String status,
        UUID canonicalJobId,
        String title,
        String employer,
        String seniority,
        Integer minYears,
        List<Skill> requiredSkills,
        List<Skill> niceToHaveSkills,
        List<String> keywords,
        String workplace,
        List<Place> locations,
        Salary salary) {

    /** A taxonomy skill ({@code id} set) or a phrase the ad names as a skill ({@code id} null). */
    public record Skill(String id, String name) {}

    /** Pay per year. */
    public record Salary(BigDecimal min, BigDecimal max, String currency) {}

    public JobFacts {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        niceToHaveSkills = niceToHaveSkills == null ? List.of() : List.copyOf(niceToHaveSkills);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** Offered to candidates: open, and not a duplicate of another posting. */
    public boolean offered() {
        return "OPEN".equals(status) && canonicalJobId == null;
    }
}
