package io.openhire.modelregistry.client;

import java.util.Map;

/**
 * The {@code metadata} part of a registration ({@link ModelRegistryApi#register}): what the registrant says
 * about a new version. model-registry reads the part as this record. What the artifact is (its signature, a
 * tagger's labels, an embedding's size) is read from the artifact, not taken from here.
 *
 * @param name the registered model, created with its first version: 2 to 63 lower-case letters, digits and
 *     dashes
 * @param task {@code text-embedding} (ONNX + tokenizer), {@code ranking} (ONNX, or JSON weights) or
 *     {@code token-classification} (a CRF sequence tagger); null means {@code text-embedding}
 * @param description free text
 * @param features token-classification only, and required there: the word features the tagger was trained
 *     on (lower-case letters, digits, dashes; e.g. {@code skill-words-v1}); consumers refuse versions trained
 *     on features they do not compute
 * @param metrics evaluation results, e.g. {@code {"f1": 0.61}}; promotion gates are checked against them
 * @param tags free labels
 * @param source where the artifact came from
 * @param trainingRun the training run that made it
 * @param datasetSha256 SHA-256 of its training or evaluation data
 * @param parentVersion the version it was derived from
 * @param artifactSha256 optional: the upload is refused (422 {@code checksum-mismatch}) unless the artifact
 *     has this SHA-256
 * @param pooling text-embedding only: {@code MEAN} or {@code CLS}, how token states become one vector
 * @param maxTokens text-embedding only: longer inputs are truncated to this many tokens
 * @param dimensions text-embedding only: the vector size, if the model's output shape does not fix it
 * @param tokenizerSha256 optional, as {@code artifactSha256} for the tokenizer
 */
public record RegisterVersion(
        String name,
        String task,
        String description,
        String features,
        Map<String, Double> metrics,
        Map<String, String> tags,
        String source,
        String trainingRun,
        String datasetSha256,
        Integer parentVersion,
        String artifactSha256,
        String pooling,
        Integer maxTokens,
        Integer dimensions,
        String tokenizerSha256) {

    public static final String TEXT_EMBEDDING = "text-embedding";
    public static final String RANKING = "ranking";
    public static final String TOKEN_CLASSIFICATION = "token-classification";

    /** A version of a model that is not a text embedding: no pooling, length, dimensions or tokenizer. */
    public RegisterVersion(
            String name,
            String task,
            String description,
            String features,
            Map<String, Double> metrics,
            Map<String, String> tags,
            String source,
            String trainingRun,
            String datasetSha256,
            Integer parentVersion,
            String artifactSha256) {
        this(
                name,
                task,
                description,
                features,
                metrics,
                tags,
                source,
                trainingRun,
                datasetSha256,
                parentVersion,
                artifactSha256,
                null,
                null,
                null,
                null);
    }
}
