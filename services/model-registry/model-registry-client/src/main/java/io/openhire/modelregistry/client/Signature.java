package io.openhire.modelregistry.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an ONNX model takes and gives, as ONNX Runtime reads it from the file (not as the uploader says).
 * A {@code json} artifact (a ranker's weights) and a {@code crf} one (a sequence tagger: its labels are in
 * {@link TaggerConfig}) have none: both lists are null and the JSON is {@code {}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Signature(List<Tensor> inputs, List<Tensor> outputs) {

    /** The signature of an artifact that is not an ONNX model. */
    public static final Signature NONE = new Signature(null, null);

    /** One input or output: name, element type ({@code INT64}, {@code FLOAT}, ...) and shape ({@code -1}: dynamic). */
    public record Tensor(String name, String type, List<Long> shape) {}

    public boolean hasInput(String name) {
        return inputs != null && inputs.stream().anyMatch(t -> t.name().equals(name));
    }
}
