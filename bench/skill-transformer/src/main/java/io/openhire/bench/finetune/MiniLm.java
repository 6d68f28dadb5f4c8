package io.openhire.bench.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BERT encoder of all-MiniLM-L6-v2 (6 layers, hidden 384, 12 heads, intermediate 1536) written with
 * DJL NDArray operations, so that the PyTorch engine's autograd can train it.
 *
 * <p>Parameters use the Hugging Face names; Linear weights are stored as PyTorch does, {@code [out, in]}
 * (the ONNX export keeps them as MatMul right-hand sides, {@code [in, out]}, under generated names
 * "onnx::MatMul_NNN"; {@link #fromOnnx} maps those by the MatMul node that consumes them).
 *
 * <p>Every operation is called on the input batch (never on a parameter), so intermediate arrays belong to
 * the batch's NDManager and are freed with it.
 */
public final class MiniLm {

    public static final int LAYERS = 6;
    public static final int HIDDEN = 384;
    public static final int HEADS = 12;
    public static final int HEAD_SIZE = HIDDEN / HEADS;
    public static final float LN_EPS = 1e-12f;

    /** Parameters by Hugging Face name, in a fixed order. */
    public final Map<String, NDArray> params = new LinkedHashMap<>();

    private MiniLm() {}

    private static final Pattern MATMUL_NODE =
            Pattern.compile("/encoder/layer\\.(\\d+)/(attention/self/query|attention/self/key|attention/self/value"
                    + "|attention/output/dense|intermediate/dense|output/dense)/MatMul");

    /**
     * Copies the float initializers of the ONNX model into arrays of {@code manager}: named ones keep their
     * names; MatMul weights get the name of their Linear ("encoder.layer.0.attention.self.query.weight")
     * and are transposed to {@code [out, in]}.
     *
     * @param mapping receives "onnx name → parameter name [shape]" lines (may be null)
     */
    public static MiniLm fromOnnx(NDManager manager, OnnxWeights onnx, Map<String, String> mapping) {
        MiniLm model = new MiniLm();
        Map<String, String> matmulWeight = new LinkedHashMap<>();
        for (OnnxWeights.Node node : onnx.nodes) {
            Matcher m = MATMUL_NODE.matcher(node.name());
            if (node.opType().equals("MatMul") && m.matches()) {
                String linear = "encoder.layer." + m.group(1) + "." + m.group(2).replace('/', '.');
                matmulWeight.put(node.inputs().get(1), linear + ".weight");
            }
        }
        for (OnnxWeights.Tensor t : onnx.initializers.values()) {
            String name = matmulWeight.get(t.name());
            NDArray array = manager.create(t.data(), new Shape(t.shape()));
            if (name != null) {
                NDArray transposed = array.transpose().duplicate(); // contiguous [out, in]
                array.close();
                array = transposed;
            } else {
                name = t.name();
            }
            array.setName(name);
            model.params.put(name, array);
            if (mapping != null) {
                mapping.put(t.name(), name + " " + array.getShape());
            }
        }
        int expected = 5 + LAYERS * 16;
        if (model.params.size() != expected) {
            throw new IllegalStateException("expected " + expected + " parameters, found " + model.params.size());
        }
        return model;
    }

    public NDArray p(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    /**
     * The last hidden state {@code [B, T, 384]}.
     *
     * @param ids word-piece ids {@code [B, T]} (int64), with [CLS] and [SEP]
     * @param mask 1 for a real word piece, 0 for padding {@code [B, T]} (float32)
     * @param dropout the dropout rate when training (0 at inference)
     */
    public NDArray encode(NDArray ids, NDArray mask, float dropout) {
        NDManager m = ids.getManager();
        long batch = ids.getShape().get(0);
        long length = ids.getShape().get(1);
        boolean training = dropout > 0;

        NDArray positions = m.arange(0, (int) length, 1, ai.djl.ndarray.types.DataType.INT64)
                .reshape(1, length);
        NDArray types = m.zeros(new Shape(1, length), ai.djl.ndarray.types.DataType.INT64);
        NDArray x = Embedding.embedding(ids, p("embeddings.word_embeddings.weight"), ai.djl.ndarray.types.SparseFormat.DENSE).singletonOrThrow()
                .add(Embedding.embedding(types, p("embeddings.token_type_embeddings.weight"), ai.djl.ndarray.types.SparseFormat.DENSE).singletonOrThrow())
                .add(Embedding.embedding(positions, p("embeddings.position_embeddings.weight"), ai.djl.ndarray.types.SparseFormat.DENSE).singletonOrThrow());
        x = layerNorm(x, "embeddings.LayerNorm");
        x = drop(x, dropout, training);

        // additive attention bias [B, 1, 1, T]: 0 where attended, a large negative number at padding
        NDArray bias = mask.neg().add(1f).mul(-1e9f).reshape(batch, 1, 1, length);
        float scale = (float) (1 / Math.sqrt(HEAD_SIZE));
        for (int l = 0; l < LAYERS; l++) {
            String pre = "encoder.layer." + l + ".";
            NDArray q = heads(linear(x, pre + "attention.self.query"), batch, length);
            NDArray k = heads(linear(x, pre + "attention.self.key"), batch, length);
            NDArray v = heads(linear(x, pre + "attention.self.value"), batch, length);
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(bias);
            NDArray probs = drop(scores.softmax(-1), dropout, training);
            NDArray context = probs.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, HIDDEN);
            NDArray attention = drop(linear(context, pre + "attention.output.dense"), dropout, training);
            x = layerNorm(attention.add(x), pre + "attention.output.LayerNorm");

            NDArray h = gelu(linear(x, pre + "intermediate.dense"));
            NDArray out = drop(linear(h, pre + "output.dense"), dropout, training);
            x = layerNorm(out.add(x), pre + "output.LayerNorm");
        }
        return x;
    }

    /** [B, T, 384] → [B, 12, T, 32]. */
    private static NDArray heads(NDArray x, long batch, long length) {
        return x.reshape(batch, length, HEADS, HEAD_SIZE).transpose(0, 2, 1, 3);
    }

    NDArray linear(NDArray x, String name) {
        return Linear.linear(x, p(name + ".weight"), p(name + ".bias")).singletonOrThrow();
    }

    NDArray layerNorm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(HIDDEN), p(name + ".weight"), p(name + ".bias"), LN_EPS)
                .singletonOrThrow();
    }

    /** The exact GELU of BERT: x · ½ · (1 + erf(x / √2)). */
    static NDArray gelu(NDArray x) {
        return x.mul(x.div((float) Math.sqrt(2)).erf().add(1f)).mul(0.5f);
    }

    private static NDArray drop(NDArray x, float rate, boolean training) {
        return training ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }

    /** Writes the parameters: count, then per parameter name, rank, dims, floats (big-endian). */
    public static void write(Map<String, NDArray> params, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 20));
        data.writeInt(params.size());
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            data.writeUTF(e.getKey());
            long[] shape = e.getValue().getShape().getShape();
            data.writeInt(shape.length);
            for (long d : shape) {
                data.writeLong(d);
            }
            for (float f : e.getValue().toFloatArray()) {
                data.writeFloat(f);
            }
        }
        data.flush();
    }

    /** Reads what {@link #write} wrote into arrays of {@code manager}. */
    public static Map<String, NDArray> read(NDManager manager, InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 20));
        int n = data.readInt();
        Map<String, NDArray> params = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = data.readUTF();
            long[] shape = new long[data.readInt()];
            long size = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = data.readLong();
                size *= shape[d];
            }
            float[] values = new float[(int) size];
            for (int j = 0; j < values.length; j++) {
                values[j] = data.readFloat();
            }
            NDArray a = manager.create(values, new Shape(shape));
            a.setName(name);
            params.put(name, a);
        }
        return params;
    }

    /** Puts read values into this model's parameters (the head's too if the map has them). */
    public static MiniLm of(Map<String, NDArray> params) {
        MiniLm model = new MiniLm();
        model.params.putAll(params);
        return model;
    }

    public NDList parameterList() {
        return new NDList(params.values());
    }
}
