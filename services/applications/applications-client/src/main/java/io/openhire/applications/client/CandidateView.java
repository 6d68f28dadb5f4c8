package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person, across their resumes: their fields (shown value beside the parsed one), skills, tags, resumes and
 * applications.
 *
 * @param fields {@code name}, {@code email}, {@code phone}, {@code location}, {@code headline},
 *     {@code currentTitle}
 * @param mergedInto set when this record was merged into another: read that one
 */
public record CandidateView(
        UUID id,
        String name,
        String email,
        String headline,
        String location,
        Map<String, CandidateField> fields,
        List<String> skills,
        List<String> titles,
        List<String> tags,
        List<Resume> resumes,
        List<ApplicationView> applications,
        UUID mergedInto,
        Instant updatedAt) {

    public record Resume(UUID resumeId, int revision, Instant parsedAt) {}
}
