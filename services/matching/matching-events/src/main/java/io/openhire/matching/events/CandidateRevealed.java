package io.openhire.matching.events;

import java.time.Instant;
import java.util.UUID;

/**
 * In blind mode, a recruiter revealed who a candidate is (name and contact details) for a job: the audit
 * trail of who saw whom, and when.
 *
 * @param organizationId the owning organisation
 * @param jobId the job the candidate was being considered for (also the Kafka key)
 * @param candidateId the candidate revealed
 * @param actor {@code user:<id>}
 * @param occurredAt when
 */
public record CandidateRevealed(UUID organizationId, UUID jobId, UUID candidateId, String actor, Instant occurredAt) {

    public static final String TOPIC = "match.candidate-revealed.v1";
}
