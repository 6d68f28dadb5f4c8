package io.openhire.training.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A training job: what it trains on, how far it got, how the model did, and the version it registered.
 *
 * @param progress one entry per finished epoch
 * @param evaluation the trained model on the held-out sentences; null until trained
 * @param comparison this model beside the champion on the held-out items the champion never trained on; null
 *     when there was no champion, it could not be loaded, or it trained on every held-out item (the log says
 *     which)
 * @param modelName the registry model the job registers a version of
 * @param modelVersion the version registered; null until then
 * @param error why it failed
 * @param log what happened, one line per event, oldest first
 * @param attempts how often it was started (a restart runs an interrupted job again)
 * @param retrainReason why the model it trained ({@code modelName} {@code modelVersion}) should be trained again:
 *     personal data was erased from a dataset it trained on (a data-subject erasure), so the model may still have
 *     learned from it; null when there is no reason
 * @param retrainRequestedAt when that was (the last such erasure)
 */
public record TrainingJobView(
        UUID id,
        String task,
        Status status,
        String description,
        List<UUID> datasetIds,
        List<UUID> devDatasetIds,
        TrainingParams params,
        int epoch,
        List<EpochProgress> progress,
        Evaluation evaluation,
        ChampionComparison comparison,
        String modelName,
        Integer modelVersion,
        String error,
        List<String> log,
        int attempts,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String retrainReason,
        Instant retrainRequestedAt) {
    public enum Status {
        /** Waiting for the worker (one job runs at a time). */
        QUEUED,
        /** Training and evaluating. */
        RUNNING,
        /** Trained and evaluated; being registered in model-registry (retried while it is away). */
        REGISTERING,
        /** Registered as {@code modelVersion}. */
        SUCCEEDED,
        FAILED,
        /** Cancelled: nothing was registered. */
        CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }
}
