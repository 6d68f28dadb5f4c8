package io.openhire.modelregistry.models;

import java.util.Map;

/**
 * What the uploader says about a new version (the {@code metadata} part of {@code POST /api/v1/models/update}).
 *
 * @param name the registered model, created on its first version; lower-case letters, digits, dashes
 * @param task {@code text-embedding} (ONNX + tokenizer) or {@code ranking} (ONNX, or JSON weights)
 * @param description free text
 * @param pooling text-embedding only: {@code MEAN} or {@code CLS}, how token states become one vector
 * @param maxTokens text-embedding only: longer inputs are truncated (and the answer says so)
 * @param dimensions the vector size, if the model's output shape does not fix it
 * @param metrics evaluation results, e.g. {@code {"ndcg@10": 0.61}}; promotion gates are checked against them
 * @param tags free labels
 * @param source where the artifact came from
 * @param trainingRun the training run that made it
 * @param datasetSha256 SHA-256 of its training or evaluation data
 * @param parentVersion the version it was derived from
 * @param artifactSha256 optional: the upload is refused unless the artifact has this SHA-256
 * @param tokenizerSha256 optional, likewise for the tokenizer
 */
public record NewVersion(
        String name,
        String task,
        String description,
        String pooling,
        Integer maxTokens,
        Integer dimensions,
        Map<String, Double> metrics,
        Map<String, String> tags,
        String source,
        String trainingRun,
        String datasetSha256,
        Integer parentVersion,
        String artifactSha256,
        String tokenizerSha256) {}
