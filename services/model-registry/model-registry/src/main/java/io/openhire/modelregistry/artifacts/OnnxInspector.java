package io.openhire.modelregistry.artifacts;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.openhire.modelregistry.client.Signature;
import io.openhire.modelregistry.client.Signature.Tensor;
import io.openhire.platform.errors.DomainException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens an uploaded artifact with ONNX Runtime to prove it is a model and to read what it takes and gives,
 * rather than trusting what the uploader says; and opens a tokenizer with the HuggingFace tokenizers library.
 */
public class OnnxInspector {

    /** What the model takes and gives, stored with the version and shown to its readers as it is. */
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
        // Only whether it tokenizes at all: no truncation, so no maximum length to guess (the library warns
        // when a tokenizer.json truncates and no maxLength is given).
        try (HuggingFaceTokenizer loaded =
                HuggingFaceTokenizer.newInstance(tokenizer, Map.of("truncation", "false", "padding", "false"))) {
            if (loaded.encode("OpenHire").getIds().length == 0) {
                throw invalid("tokenizer", "produces no tokens");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException problem) {
                throw problem;
            }
            throw invalid("tokenizer", "is not a HuggingFace tokenizer.json: " + firstLine(e.getMessage()));
        }
    }

    /** An uploaded artifact or tokenizer that cannot be used (unprocessable: 422). */
    public static DomainException invalid(String part, String why) {
        return new DomainException(
                        DomainException.Category.UNPROCESSABLE,
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

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
