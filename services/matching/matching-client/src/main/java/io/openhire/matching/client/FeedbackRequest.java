package io.openhire.matching.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * A recruiter's decision on a candidate for a job.
 *
 * @param reason optional, at most 1,000 characters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackRequest(UUID jobId, UUID candidateId, Outcome outcome, String reason) {

    public FeedbackRequest(UUID jobId, UUID candidateId, Outcome outcome) {
        this(jobId, candidateId, outcome, null);
    }
}
