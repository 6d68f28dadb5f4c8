package io.openhire.modelregistry.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of a model.
 *
 * @param statusReason why the version FAILED
 * @param format {@code onnx}, {@code json} (a ranker's weights) or {@code crf} (a sequence tagger)
 * @param artifact the artifact's SHA-256 and size
 * @param tokenizer the tokenizer's SHA-256 and size; null when the version has none
 * @param signature what the model takes and gives, read from the ONNX file; empty for {@code json} and
 *     {@code crf}
 * @param config how to run a text-embedding model; empty for other tasks
 * @param tagger how to run a token-classification model (its features, labels, sizes); null for other tasks
 * @param metrics evaluation results, e.g. {@code ndcg@10}
 * @param aliases the aliases pointing to this version, sorted
 * @param createdBy {@code user:<id>}, {@code service:<name>} or {@code system}
 */
public record VersionView(
        String name,
        int version,
        Status status,
        String statusReason,
        String format,
        Checksummed artifact,
        Checksummed tokenizer,
        Signature signature,
        EmbeddingConfig config,
        TaggerConfig tagger,
        Map<String, Double> metrics,
        Map<String, String> tags,
        String description,
        Lineage lineage,
        List<String> aliases,
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

    /** A file's SHA-256 (lower-case hex) and size in bytes. */
    public record Checksummed(String sha256, long size) {}

    /**
     * @param source where the artifact came from (a Maven artifact, a training run's output)
     * @param trainingRun the training run that produced it, if any
     * @param datasetSha256 SHA-256 of the data it was trained or evaluated on
     * @param parentVersion the version it was derived from
     */
    public record Lineage(String source, String trainingRun, String datasetSha256, Integer parentVersion) {}
}
