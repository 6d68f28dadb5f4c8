package io.openhire.training.client;

import java.util.List;
import java.util.UUID;

/**
 * A training job to queue.
 *
 * @param task {@code skill-extraction}
 * @param datasetIds the datasets to train on (at least one, of the task)
 * @param devDatasetIds datasets to evaluate on, never trained on; when empty, a fixed-seed share of the
 *     training sentences ({@link TrainingParams#devFraction()}) is held out instead
 * @param params null for the defaults (those of the shipped model)
 * @param description what this version tries, shown with the model version
 */
public record StartTraining(
        String task, List<UUID> datasetIds, List<UUID> devDatasetIds, TrainingParams params, String description) {}
