package io.openhire.matching.profiles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What matching ranks a resume on. No name, contact details, photo, age or gender: those stay in
 * {@code candidate_identity} and are never features.
 *
 * @param candidateId the person: resumes with the same email address in one organisation share it
 * @param evidence per taxonomy skill id, up to two resume lines that mention it (contacts removed)
 */
public record CandidateFacts(
        UUID resumeId,
        UUID candidateId,
        int revision,
        String headline,
        String currentTitle,
        List<String> titles,
        List<Skill> skills,
        Double years,
        Place location,
        String highestDegree,
        List<String> languages,
        Map<String, List<String>> evidence,
        Instant parsedAt) {

    /** A taxonomy skill; {@code listed}: named in a skills section, not only in the text. */
    public record Skill(String id, String name, int mentions, boolean listed) {}

    public CandidateFacts {
        titles = titles == null ? List.of() : List.copyOf(titles);
        skills = skills == null ? List.of() : List.copyOf(skills);
        languages = languages == null ? List.of() : List.copyOf(languages);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
