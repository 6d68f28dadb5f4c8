package io.openhire.modelregistry.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to run a text-embedding version: set at registration from the request and the model's own output
 * shape. Other tasks have none: every field is null and the JSON is {@code {}}.
 *
 * @param pooling {@code MEAN} or {@code CLS}: how token states become one vector
 * @param maxTokens longer inputs are truncated to this many tokens
 * @param dimensions the vector size
 * @param output the name of the ONNX output holding the token states
 * @param normalize whether vectors are L2-normalised (always true today)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingConfig(String pooling, Integer maxTokens, Integer dimensions, String output, Boolean normalize) {

    /** The configuration of a version that is not a text-embedding model. */
    public static final EmbeddingConfig NONE = new EmbeddingConfig(null, null, null, null, null);
}
