package io.openhire.bench.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** MiniLM plus a linear head 384 → 3 (O, B, I) on each word's first word piece. */
public final class Tagger {

    public static final String HEAD_W = "head.weight";
    public static final String HEAD_B = "head.bias";

    public final MiniLm encoder;

    public Tagger(MiniLm encoder) {
        this.encoder = encoder;
    }

    /** Adds a head initialised as BERT does (normal, std 0.02; bias 0), seeded. */
    public static Tagger withNewHead(MiniLm encoder, NDManager manager, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] w = new float[3 * MiniLm.HIDDEN];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 0.02);
        }
        NDArray weight = manager.create(w, new Shape(3, MiniLm.HIDDEN));
        weight.setName(HEAD_W);
        NDArray bias = manager.zeros(new Shape(3));
        bias.setName(HEAD_B);
        encoder.params.put(HEAD_W, weight);
        encoder.params.put(HEAD_B, bias);
        return new Tagger(encoder);
    }

    /** A padded batch of chunks in {@code manager}. */
    public record Batch(NDArray ids, NDArray mask, NDArray labels, NDArray labelMask, int pieces, int words) {

        public static Batch of(NDManager manager, List<Data.Chunk> chunks) {
            int n = chunks.size();
            int length = 0;
            for (Data.Chunk c : chunks) {
                length = Math.max(length, c.ids().length);
            }
            long[] ids = new long[n * length];
            float[] mask = new float[n * length];
            long[] labels = new long[n * length];
            float[] labelMask = new float[n * length];
            int pieces = 0;
            int words = 0;
            for (int i = 0; i < n; i++) {
                Data.Chunk c = chunks.get(i);
                for (int j = 0; j < c.ids().length; j++) {
                    ids[i * length + j] = c.ids()[j];
                    mask[i * length + j] = 1;
                }
                for (int w = 0; w < c.words(); w++) {
                    labels[i * length + c.wordStarts()[w]] = c.labels()[w];
                    labelMask[i * length + c.wordStarts()[w]] = 1;
                }
                pieces += c.ids().length;
                words += c.words();
            }
            Shape shape = new Shape(n, length);
            return new Batch(
                    manager.create(ids, shape),
                    manager.create(mask, shape),
                    manager.create(labels, shape),
                    manager.create(labelMask, shape),
                    pieces,
                    words);
        }
    }

    /** Logits {@code [B, T, 3]} for every piece. */
    public NDArray logits(Batch batch, float dropout) {
        NDArray hidden = encoder.encode(batch.ids(), batch.mask(), dropout);
        if (dropout > 0) {
            hidden = Dropout.dropout(hidden, dropout, true).singletonOrThrow();
        }
        return Linear.linear(hidden, encoder.p(HEAD_W), encoder.p(HEAD_B)).singletonOrThrow();
    }

    /** Mean cross-entropy over the words' first pieces (other pieces and padding are masked out). */
    public NDArray loss(Batch batch, float dropout) {
        NDArray logProbs = logits(batch, dropout).logSoftmax(-1);
        NDArray gold = batch.labels().oneHot(3, DataType.FLOAT32);
        NDArray perPiece = logProbs.mul(gold).sum(new int[] {2});
        return perPiece.mul(batch.labelMask()).sum().neg().div((float) batch.words());
    }

    /** The argmax label of each word of each chunk (no gradient is recorded outside a collector). */
    public Map<Data.Chunk, int[]> predict(NDManager manager, List<Data.Chunk> chunks, int batchSize) {
        return decode(logProbs(manager, chunks, batchSize), false);
    }

    /** Per chunk, per word, the log-probabilities of O, B, I at the word's first piece. */
    public Map<Data.Chunk, float[][]> logProbs(NDManager manager, List<Data.Chunk> chunks, int batchSize) {
        Map<Data.Chunk, float[][]> out = new IdentityHashMap<>();
        List<Data.Chunk> sorted = new java.util.ArrayList<>(chunks);
        sorted.sort(java.util.Comparator.comparingInt(c -> c.ids().length));
        for (int from = 0; from < sorted.size(); from += batchSize) {
            List<Data.Chunk> part = sorted.subList(from, Math.min(sorted.size(), from + batchSize));
            try (NDManager scope = manager.newSubManager()) {
                Batch batch = Batch.of(scope, part);
                NDArray logProbs = logits(batch, 0f).logSoftmax(-1);
                float[] values = logProbs.toFloatArray();
                long length = logProbs.getShape().get(1);
                for (int i = 0; i < part.size(); i++) {
                    Data.Chunk c = part.get(i);
                    float[][] words = new float[c.words()][3];
                    for (int w = 0; w < words.length; w++) {
                        int at = (int) ((i * length + c.wordStarts()[w]) * 3);
                        System.arraycopy(values, at, words[w], 0, 3);
                    }
                    out.put(c, words);
                }
            }
        }
        return out;
    }

    /**
     * Labels from log-probabilities: argmax per word, or the best sequence in which I never follows O or
     * starts a chunk (BIO-constrained Viterbi).
     */
    public static Map<Data.Chunk, int[]> decode(Map<Data.Chunk, float[][]> logProbs, boolean viterbi) {
        Map<Data.Chunk, int[]> out = new IdentityHashMap<>();
        logProbs.forEach((chunk, lp) -> out.put(chunk, viterbi ? viterbi(lp) : argmax(lp)));
        return out;
    }

    static int[] argmax(float[][] lp) {
        int[] labels = new int[lp.length];
        for (int w = 0; w < lp.length; w++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                if (lp[w][k] > lp[w][best]) {
                    best = k;
                }
            }
            labels[w] = best;
        }
        return labels;
    }

    static int[] viterbi(float[][] lp) {
        int n = lp.length;
        if (n == 0) {
            return new int[0];
        }
        double[][] score = new double[n][3];
        int[][] back = new int[n][3];
        double minus = Double.NEGATIVE_INFINITY;
        score[0][Data.O] = lp[0][Data.O];
        score[0][Data.B] = lp[0][Data.B];
        score[0][Data.I] = minus;
        for (int w = 1; w < n; w++) {
            for (int k = 0; k < 3; k++) {
                double best = minus;
                int arg = 0;
                for (int j = 0; j < 3; j++) {
                    if (k == Data.I && j == Data.O) {
                        continue; // O → I is not BIO
                    }
                    if (score[w - 1][j] > best) {
                        best = score[w - 1][j];
                        arg = j;
                    }
                }
                score[w][k] = best + lp[w][k];
                back[w][k] = arg;
            }
        }
        int[] labels = new int[n];
        int last = 0;
        for (int k = 1; k < 3; k++) {
            if (score[n - 1][k] > score[n - 1][last]) {
                last = k;
            }
        }
        labels[n - 1] = last;
        for (int w = n - 1; w > 0; w--) {
            labels[w - 1] = back[w][labels[w]];
        }
        return labels;
    }
}
