package io.openhire.modelserving.runtime;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sentence-embedding model on ONNX Runtime with its HuggingFace tokenizer: texts → token ids (truncated
 * at the model's limit, never silently: {@link Encoded#truncated()}) → token states → one pooled,
 * L2-normalised vector per text. Thread-safe: several threads may run batches on one session.
 */
public final class OnnxEmbedder implements AutoCloseable {

    /**
     * @param pooling {@code MEAN} (average of the token states under the attention mask) or {@code CLS}
     *     (the first token's state), as the model was trained
     * @param maxTokens longer inputs are truncated to this many tokens, special tokens included
     * @param dimensions the vector size
     * @param output the model output holding the token states
     */
    public record Config(String pooling, int maxTokens, int dimensions, String output) {}

    /** A tokenised text. */
    public record Encoded(long[] ids, long[] mask, long[] typeIds, boolean truncated) {
        public int length() {
            return ids.length;
        }
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Config config;
    private final boolean takesTypeIds;

    private OnnxEmbedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, Config config)
            throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.config = config;
        Set<String> inputs = session.getInputNames();
        this.takesTypeIds = inputs.contains("token_type_ids");
    }

    /**
     * @param intraOpThreads threads ONNX Runtime uses inside one call; with several callers (the batcher's
     *     workers) 1 each is faster on few cores than one caller with many
     */
    public static OnnxEmbedder load(Path model, Path tokenizerJson, Config config, int intraOpThreads) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        HuggingFaceTokenizer tokenizer = null;
        try {
            // The tokenizer.json files of these models pad and truncate to 128 tokens; say what we want.
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optMaxLength(config.maxTokens())
                    .optTruncation(true)
                    .optPadding(false)
                    .build();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.toString(), options);
            return new OnnxEmbedder(environment, session, tokenizer, config);
        } catch (OrtException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw new IllegalStateException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokenizer", e);
        }
    }

    public Config config() {
        return config;
    }

    public Encoded encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        return new Encoded(
                encoding.getIds(), encoding.getAttentionMask(), encoding.getTypeIds(), encoding.exceedMaxLength());
    }

    /** One normalised vector per input, in order; the batch is padded to its longest input. */
    public float[][] embed(List<Encoded> batch) throws OrtException {
        int n = batch.size();
        int length = 0;
        for (Encoded e : batch) {
            length = Math.max(length, e.length());
        }
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        long[] types = new long[n * length];
        for (int i = 0; i < n; i++) {
            Encoded e = batch.get(i);
            System.arraycopy(e.ids(), 0, ids, i * length, e.length());
            System.arraycopy(e.mask(), 0, mask, i * length, e.length());
            System.arraycopy(e.typeIds(), 0, types, i * length, e.length());
        }
        long[] shape = {n, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (takesTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor output = (OnnxTensor) result.get(config.output()).orElseGet(() -> result.get(0));
                long[] outShape = output.getInfo().getShape();
                FloatBuffer states = output.getFloatBuffer();
                float[][] vectors = new float[n][];
                for (int i = 0; i < n; i++) {
                    vectors[i] = outShape.length == 3
                            ? pool(states, i, length, (int) outShape[2], mask)
                            : row(states, i, (int) outShape[1]);
                    normalise(vectors[i]);
                }
                return vectors;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(FloatBuffer states, int item, int length, int dims, long[] mask) {
        float[] vector = new float[dims];
        int base = item * length * dims;
        if (config.pooling().equals("CLS")) {
            states.get(base, vector, 0, dims);
            return vector;
        }
        int tokens = 0;
        float[] token = new float[dims];
        for (int t = 0; t < length; t++) {
            if (mask[item * length + t] == 0) {
                continue;
            }
            states.get(base + t * dims, token, 0, dims);
            for (int d = 0; d < dims; d++) {
                vector[d] += token[d];
            }
            tokens++;
        }
        if (tokens > 0) {
            for (int d = 0; d < dims; d++) {
                vector[d] /= tokens;
            }
        }
        return vector;
    }

    private static float[] row(FloatBuffer states, int item, int dims) {
        float[] vector = new float[dims];
        states.get(item * dims, vector, 0, dims);
        return vector;
    }

    static void normalise(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing: nothing left to do
        }
        tokenizer.close();
    }
}
