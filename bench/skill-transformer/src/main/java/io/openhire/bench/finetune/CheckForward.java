package io.openhire.bench.finetune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the DJL forward pass against ONNX Runtime's last_hidden_state on a padded batch of sentences
 * (only real word pieces are compared). Prints the initializer mapping too.
 */
public final class CheckForward {

    public static void main(String[] args) throws Exception {
        Resources.offline();
        List<String> sentences = List.of(
                "Experience with Java, Kotlin and distributed systems is a plus.",
                "You have strong communication skills.",
                "We are looking for a Senior QA Engineer (m/f/d) with knowledge of Selenium, CI/CD pipelines"
                        + " and test automation in agile teams; fluent English required.",
                "Hi");
        byte[] onnxBytes = Resources.onnxBytes();
        HuggingFaceTokenizer tokenizer = Resources.tokenizer(true);
        int n = sentences.size();
        int length = 0;
        Encoding[] enc = new Encoding[n];
        for (int i = 0; i < n; i++) {
            enc[i] = tokenizer.encode(sentences.get(i));
            length = Math.max(length, enc[i].getIds().length);
        }
        long[][] ids = new long[n][length];
        long[][] mask = new long[n][length];
        long[][] types = new long[n][length];
        for (int i = 0; i < n; i++) {
            long[] e = enc[i].getIds();
            System.arraycopy(e, 0, ids[i], 0, e.length);
            for (int j = 0; j < e.length; j++) {
                mask[i][j] = 1;
            }
        }

        float[][][] ort;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnxBytes, new OrtSession.SessionOptions())) {
            System.out.println("ORT inputs " + session.getInputNames() + " outputs " + session.getOutputNames());
            Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                ort = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
            }
        }

        try (NDManager manager = NDManager.newBaseManager()) {
            System.out.println("engine " + manager.getEngine().getEngineName() + " " + manager.getEngine().getVersion());
            Map<String, String> mapping = new LinkedHashMap<>();
            MiniLm model = MiniLm.fromOnnx(manager, OnnxWeights.read(onnxBytes), mapping);
            mapping.forEach((k, v) -> System.out.printf("  %-28s -> %s%n", k, v));
            try (NDManager batch = manager.newSubManager()) {
                float[] maskF = new float[n * length];
                long[] idsFlat = new long[n * length];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < length; j++) {
                        maskF[i * length + j] = mask[i][j];
                        idsFlat[i * length + j] = ids[i][j];
                    }
                }
                NDArray out = model.encode(
                        batch.create(idsFlat, new Shape(n, length)), batch.create(maskF, new Shape(n, length)), 0f);
                float[] djl = out.toFloatArray();
                double maxDiff = 0;
                for (int i = 0; i < n; i++) {
                    double sentenceMax = 0;
                    for (int j = 0; j < length; j++) {
                        if (mask[i][j] == 0) {
                            continue;
                        }
                        for (int h = 0; h < MiniLm.HIDDEN; h++) {
                            double d = Math.abs(djl[(i * length + j) * MiniLm.HIDDEN + h] - ort[i][j][h]);
                            sentenceMax = Math.max(sentenceMax, d);
                        }
                    }
                    System.out.printf("sentence %d (%d pieces): max |DJL - ORT| = %.3g%n",
                            i, enc[i].getIds().length, sentenceMax);
                    maxDiff = Math.max(maxDiff, sentenceMax);
                }
                System.out.printf("max abs diff over all real pieces: %.3g (%s)%n", maxDiff, maxDiff < 1e-3 ? "OK" : "FAIL");
            }
        }
    }
}
