package io.openhire.applications.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Adds a candidate to a job (in its first stage).
 *
 * @param source where the candidate came from; MATCHING for "Add to job" from a ranking
 * @param sourceDetail the job board, its tracking token, or who referred them (at most 200 characters)
 * @param resumeId the candidate's resume it rests on; the newest when left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateApplicationRequest(
        UUID candidateId, UUID jobId, ApplicationSource source, String sourceDetail, UUID resumeId) {

    public CreateApplicationRequest(UUID candidateId, UUID jobId, ApplicationSource source) {
        this(candidateId, jobId, source, null, null);
    }
}
