package io.openhire.matching.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A newly searchable resume ranks high for an open job of its organisation: people following the job hear of
 * it (notification, with each person's own score threshold). Published once per resume and job, for the jobs
 * whose score reaches matching's floor ({@code openhire.matching.strong-match.floor}); no personal data.
 *
 * @param jobId the job (also the Kafka key)
 * @param candidateId the candidate the resume belongs to
 * @param resumeId the resume that was matched
 * @param score the match score, 0–100, as the job's ranking shows it
 */
public record StrongMatchFound(
        UUID organizationId, UUID jobId, UUID candidateId, UUID resumeId, double score, Instant occurredAt) {

    public static final String TOPIC = "match.strong-match-found.v1";
}
