package io.openhire.resumeprocessing.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resume became a structured profile (again, after a re-parse: compare {@code revision}). Carries
 * what matching and analytics need, and no contact details or raw text: read those from
 * resume-processing's API when a user is entitled to them.
 *
 * @param resumeId the resume (also the Kafka key)
 * @param organizationId the owning organisation
 * @param revision increases with every parse of this resume; ignore a revision older than one seen
 * @param parserVersion the parser that built the profile
 * @param taxonomyVersion the skills taxonomy its skill ids come from
 * @param currentTitle the most recent job title, if found
 * @param titles every job title in the work history, most recent first
 * @param skills normalised skills, most mentioned first
 * @param totalYearsExperience years of work, overlapping jobs counted once
 * @param location where the candidate is, as far as the resume says
 * @param highestDegree the highest degree found ("Master of Science"), if any
 * @param languages spoken languages
 * @param occurredAt when the parse finished
 */
public record ResumeParsed(
        UUID resumeId,
        UUID organizationId,
        int revision,
        String parserVersion,
        String taxonomyVersion,
        String currentTitle,
        List<String> titles,
        List<Skill> skills,
        Double totalYearsExperience,
        Location location,
        String highestDegree,
        List<String> languages,
        Instant occurredAt) {

    public static final String TOPIC = "resume.parsed.v1";

    /** A taxonomy skill: stable id and display name. */
    public record Skill(String id, String name) {}

    /** City, region and country as written (country as an ISO 3166 alpha-2 code when known). */
    public record Location(String city, String region, String country) {}
}
