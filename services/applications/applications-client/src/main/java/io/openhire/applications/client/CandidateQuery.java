package io.openhire.applications.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * A candidate search: every given part must hold. {@code q} is words searched in name, email, headline, titles,
 * skills and location (each word a prefix); the others are exact filters (skill and tag ignore case).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateQuery(
        String q, String skill, String title, String location, String tag, UUID stageId, UUID jobId) {

    public static CandidateQuery words(String q) {
        return new CandidateQuery(q, null, null, null, null, null, null);
    }
}
