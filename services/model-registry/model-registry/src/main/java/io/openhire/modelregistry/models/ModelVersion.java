package io.openhire.modelregistry.models;

import io.openhire.modelregistry.client.EmbeddingConfig;
import io.openhire.modelregistry.client.Signature;
import io.openhire.modelregistry.client.TaggerConfig;
import java.time.Instant;
import java.util.Map;

/**
 * One immutable version of a registered model: its artifact (kept in storage in parts), what the model
 * takes and gives (read from the model itself), how to run it, how well it did, and where it came from.
 * The signature and configurations are model-registry-client's records: stored as their JSON and shown as
 * they are, so that readers (model-serving) and this service agree on them at compile time.
 */
public record ModelVersion(
        String name,
        int version,
        Status status,
        String statusReason,
        String format,
        String artifactSha256,
        long artifactSize,
        int partSize,
        String tokenizerSha256,
        Long tokenizerSize,
        Signature signature,
        EmbeddingConfig config,
        TaggerConfig tagger,
        Map<String, Double> metrics,
        Map<String, String> tags,
        String description,
        Lineage lineage,
        String createdBy,
        Instant createdAt) {

    public enum Status {
        /** Registered, artifact still being stored. */
        PENDING,
        /** Stored and verified: can be promoted and served. */
        READY,
        /** Storing failed or was interrupted; {@code statusReason} says why. */
        FAILED
    }

    /**
     * @param source where the artifact came from (a Maven artifact, a training run's output)
     * @param trainingRun the training run that produced it, if any
     * @param datasetSha256 SHA-256 of the data it was trained or evaluated on
     * @param parentVersion the version it was derived from
     */
    public record Lineage(String source, String trainingRun, String datasetSha256, Integer parentVersion) {}
}
