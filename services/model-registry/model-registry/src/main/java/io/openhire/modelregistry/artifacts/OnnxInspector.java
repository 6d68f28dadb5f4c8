package io.openhire.modelregistry.artifacts;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.openhire.platform.web.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Opens an uploaded artifact with ONNX Runtime to prove it is a model and to read what it takes and gives,
 * rather than trusting what the uploader says; and opens a tokenizer with the HuggingFace tokenizers library.
 */
public class OnnxInspector {

    /** One input or output: name, element type and shape ({@code -1} for a dynamic dimension). */
    public record Tensor(String name, String type, List<Long> shape) {}

    public record Signature(List<Tensor> inputs, List<Tensor> outputs) {

        public boolean hasInput(String name) {
            return inputs.stream().anyMatch(t -> t.name().equals(name));
        }
    }

    public Signature inspect(Path onnx) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = environment.createSession(onnx.toString(), options)) {
                return new Signature(tensors(session.getInputInfo()), tensors(session.getOutputInfo()));
            }
        } catch (OrtException e) {
            throw invalid("artifact", "is not an ONNX model ONNX Runtime can load: " + firstLine(e.getMessage()));
        }
    }

    public void checkTokenizer(Path tokenizer) {
        try (HuggingFaceTokenizer loaded = HuggingFaceTokenizer.newInstance(tokenizer, Map.of())) {
            if (loaded.encode("OpenHire").getIds().length == 0) {
                throw invalid("tokenizer", "produces no tokens");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid("tokenizer", "is not a HuggingFace tokenizer.json: " + firstLine(e.getMessage()));
        }
    }

    /** 422: an uploaded artifact or tokenizer that cannot be used. */
    public static ProblemException invalid(String part, String why) {
        return new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "invalid-artifact",
                        "Invalid artifact",
                        "The " + part + " " + why)
                .with("part", part);
    }

    private static List<Tensor> tensors(Map<String, NodeInfo> nodes) {
        List<Tensor> tensors = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> node : new LinkedHashMap<>(nodes).entrySet()) {
            if (node.getValue().getInfo() instanceof TensorInfo info) {
                List<Long> shape = new ArrayList<>();
                for (long d : info.getShape()) {
                    shape.add(d);
                }
                tensors.add(new Tensor(node.getKey(), info.type.name(), shape));
            } else {
                tensors.add(new Tensor(node.getKey(), "NON_TENSOR", List.of()));
            }
        }
        return tensors;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
