package io.openhire.matching.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A recruiter said what happened to a candidate for a job, joined to what matching showed them: the
 * training and analytics services learn from it. Carries scores and model versions, no personal data.
 *
 * @param feedbackId the feedback's id (the Kafka key is the job id)
 * @param organizationId the owning organisation
 * @param jobId the job
 * @param candidateId the candidate
 * @param resumeId the resume the match rested on
 * @param outcome {@code SHORTLISTED}, {@code REJECTED}, {@code INTERVIEWED}, {@code HIRED} or {@code WITHDRAWN}
 * @param reason the recruiter's reason, if given
 * @param runId the match list the candidate was shown in, or null if feedback came without one
 * @param rank the candidate's place in that list (1 = top), or null
 * @param score the total score (0–100) at the time of ranking
 * @param features the category scores (0–1) at the time of ranking, by category key; a category that did not
 *     apply is absent
 * @param rankerVersion the {@code match-ranker} version that ranked
 * @param embeddingVersion the {@code text-embedding} version of the index, or null if it had no vectors
 * @param actor {@code user:<id>}
 * @param occurredAt when the feedback was recorded
 */
public record MatchFeedbackRecorded(
        UUID feedbackId,
        UUID organizationId,
        UUID jobId,
        UUID candidateId,
        UUID resumeId,
        String outcome,
        String reason,
        UUID runId,
        Integer rank,
        double score,
        Map<ScoreCategory, Double> features,
        Integer rankerVersion,
        Integer embeddingVersion,
        String actor,
        Instant occurredAt) {

    public static final String TOPIC = "match.feedback.v1";
}
