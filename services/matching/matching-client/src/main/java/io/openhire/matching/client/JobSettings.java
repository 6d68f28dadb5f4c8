package io.openhire.matching.client;

import io.openhire.matching.events.ScoreCategory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job's blind mode and category weights as they apply now, and where each comes from.
 *
 * @param blindFrom {@code JOB} (set for this job) or {@code ORGANIZATION} (the organisation's default)
 * @param weights the weights that rank this job's candidates, summing to 1
 * @param weightsFrom {@code JOB} (set for this job) or {@code MODEL} (the ranking model's)
 * @param modelWeights the ranking model's weights
 * @param updatedBy who last changed the job's settings; null when never
 */
public record JobSettings(
        UUID jobId,
        boolean blind,
        String blindFrom,
        Map<ScoreCategory, Double> weights,
        String weightsFrom,
        Map<ScoreCategory, Double> modelWeights,
        Integer rankerVersion,
        String updatedBy,
        Instant updatedAt) {

    public static final String FROM_JOB = "JOB";

    /** Whether blind mode was set for this job (rather than taken from the organisation). */
    public boolean blindSetForJob() {
        return FROM_JOB.equals(blindFrom);
    }

    /** Whether the weights were set for this job (rather than taken from the model). */
    public boolean weightsSetForJob() {
        return FROM_JOB.equals(weightsFrom);
    }
}
