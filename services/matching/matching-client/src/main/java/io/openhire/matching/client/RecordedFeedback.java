package io.openhire.matching.client;

import io.openhire.matching.events.ScoreCategory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Feedback as matching recorded it, with where the candidate stood in the list the recruiter saw.
 *
 * @param runId the list it was given on, when there was one; {@code rank} and {@code score} there
 * @param features the category scores the candidate had (what the ranker learns from)
 */
public record RecordedFeedback(
        UUID id,
        UUID jobId,
        UUID candidateId,
        UUID resumeId,
        Outcome outcome,
        String reason,
        UUID runId,
        Integer rank,
        double score,
        Map<ScoreCategory, Double> features,
        Integer rankerVersion,
        Integer embeddingVersion,
        Instant recordedAt) {}
