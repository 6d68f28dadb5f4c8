package io.openhire.tagging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear-chain conditional random field over BIO tags: a word's score for a tag is the sum of its
 * hashed sparse features' weights plus its dense vector (an encoder's token state, when there is one)
 * times the tag's weights; a tag sequence's score adds the transitions between neighbouring tags.
 * Transitions BIO forbids ({@code O → I-X}, {@code B-X → I-Y}) are never taken, so every output is a
 * well-formed span sequence. Tagging is Viterbi; each span's confidence is the smallest marginal
 * probability (forward-backward) of its words' tags.
 */
public final class CrfModel {

    static final int MAGIC = 0x4F484352; // "OHCR"
    static final int FORMAT = 3;
    /** A hashed feature whose weights are all smaller than this is not written: it changes no decision. */
    static final float NEGLIGIBLE = 1e-2f;

    static final double FORBIDDEN = -1e4;

    final String[] labels;
    final int bits;
    final int denseDims;
    final float[] sparse; // (2^bits) × labels
    final float[] dense; // denseDims × labels
    final double[] transitions; // from × to
    final double[] start; // per label
    final boolean[] allowed; // from × to
    final boolean[] allowedStart;
    /** Subtracted from every word's "O" score when tagging: above 0 trades precision for recall. */
    double outsideBias;

    CrfModel(String[] labels, int bits, int denseDims) {
        this.labels = labels.clone();
        this.bits = bits;
        this.denseDims = denseDims;
        int l = labels.length;
        this.sparse = new float[(1 << bits) * l];
        this.dense = new float[denseDims * l];
        this.transitions = new double[l * l];
        this.start = new double[l];
        this.allowed = new boolean[l * l];
        this.allowedStart = new boolean[l];
        for (int to = 0; to < l; to++) {
            allowedStart[to] = !labels[to].startsWith("I-");
            if (!allowedStart[to]) {
                start[to] = FORBIDDEN;
            }
            for (int from = 0; from < l; from++) {
                boolean ok = !labels[to].startsWith("I-")
                        || (!labels[from].equals("O")
                                && labels[from].substring(2).equals(labels[to].substring(2)));
                allowed[from * l + to] = ok;
                if (!ok) {
                    transitions[from * l + to] = FORBIDDEN;
                }
            }
        }
    }

    /** The BIO tags of span types {@code types}: O, then B- and I- of each. */
    public static String[] labelsFor(List<String> types) {
        List<String> labels = new ArrayList<>();
        labels.add("O");
        for (String type : types) {
            labels.add("B-" + type);
            labels.add("I-" + type);
        }
        return labels.toArray(String[]::new);
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public int bits() {
        return bits;
    }

    public int denseDims() {
        return denseDims;
    }

    public double outsideBias() {
        return outsideBias;
    }

    /**
     * How much less likely "outside" is made when tagging (chosen by cross-validation after training: a
     * tagger that is precise but misses spans finds more of them); training ignores it.
     */
    public CrfModel outsideBias(double bias) {
        this.outsideBias = bias;
        return this;
    }

    int label(String tag) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(tag)) {
                return i;
            }
        }
        return 0; // a type this model does not know is "outside" to it
    }

    double[][] emissions(int[][] features, float[][] vectors) {
        int l = labels.length;
        double[][] e = new double[features.length][l];
        for (int t = 0; t < features.length; t++) {
            double[] row = e[t];
            for (int f : features[t]) {
                int base = f * l;
                for (int y = 0; y < l; y++) {
                    row[y] += sparse[base + y];
                }
            }
            if (vectors != null && denseDims > 0) {
                float[] x = vectors[t];
                for (int d = 0; d < denseDims; d++) {
                    float v = x[d];
                    if (v == 0) {
                        continue;
                    }
                    int base = d * l;
                    for (int y = 0; y < l; y++) {
                        row[y] += v * dense[base + y];
                    }
                }
            }
        }
        return e;
    }

    int[] viterbi(double[][] e) {
        int n = e.length;
        int l = labels.length;
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        double[][] score = new double[n][l];
        int[][] back = new int[n][l];
        for (int y = 0; y < l; y++) {
            score[0][y] = start[y] + e[0][y];
        }
        for (int t = 1; t < n; t++) {
            for (int y = 0; y < l; y++) {
                double top = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < l; p++) {
                    double s = score[t - 1][p] + transitions[p * l + y];
                    if (s > top) {
                        top = s;
                        arg = p;
                    }
                }
                score[t][y] = top + e[t][y];
                back[t][y] = arg;
            }
        }
        int arg = 0;
        for (int y = 1; y < l; y++) {
            if (score[n - 1][y] > score[n - 1][arg]) {
                arg = y;
            }
        }
        for (int t = n - 1; t >= 0; t--) {
            best[t] = arg;
            arg = back[t][arg];
        }
        return best;
    }

    /**
     * Forward-backward in scaled probability space (each step normalised, the scales kept for logZ): a
     * handful of exponentials per word instead of one per tag pair, ~10× faster than in log space.
     * {@code expE} holds each word's emission factors divided by that word's largest.
     */
    static final class Lattice {
        final int l;
        final double[][] alpha; // normalised forward probabilities
        final double[][] beta; // backward, divided by the same scales
        final double[] scale;
        final double[][] expE;
        final double[] expT;
        final double logZ;

        Lattice(CrfModel model, double[][] e) {
            int n = e.length;
            l = model.labels.length;
            expT = new double[l * l];
            for (int i = 0; i < expT.length; i++) {
                expT[i] = model.allowed[i] ? Math.exp(model.transitions[i]) : 0;
            }
            expE = new double[n][l];
            double logMax = 0;
            for (int t = 0; t < n; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int y = 0; y < l; y++) {
                    max = Math.max(max, e[t][y]);
                }
                for (int y = 0; y < l; y++) {
                    expE[t][y] = Math.exp(e[t][y] - max);
                }
                logMax += max;
            }
            alpha = new double[n][l];
            beta = new double[n][l];
            scale = new double[n];
            double logScales = 0;
            for (int t = 0; t < n; t++) {
                double sum = 0;
                for (int y = 0; y < l; y++) {
                    double a;
                    if (t == 0) {
                        a = model.allowedStart[y] ? Math.exp(model.start[y]) : 0;
                    } else {
                        a = 0;
                        for (int p = 0; p < l; p++) {
                            a += alpha[t - 1][p] * expT[p * l + y];
                        }
                    }
                    a *= expE[t][y];
                    alpha[t][y] = a;
                    sum += a;
                }
                if (!(sum > 0)) {
                    sum = Double.MIN_NORMAL; // every path underflowed: keep the numbers finite
                }
                scale[t] = sum;
                for (int y = 0; y < l; y++) {
                    alpha[t][y] /= sum;
                }
                logScales += Math.log(sum);
            }
            for (int y = 0; y < l; y++) {
                beta[n - 1][y] = 1;
            }
            for (int t = n - 2; t >= 0; t--) {
                for (int y = 0; y < l; y++) {
                    double b = 0;
                    for (int x = 0; x < l; x++) {
                        b += expT[y * l + x] * expE[t + 1][x] * beta[t + 1][x];
                    }
                    beta[t][y] = b / scale[t + 1];
                }
            }
            logZ = logScales + logMax;
        }

        /** P(word t has tag y). */
        double marginal(int t, int y) {
            return alpha[t][y] * beta[t][y];
        }

        /** P(word t-1 has tag p and word t has tag y). */
        double pairMarginal(int t, int p, int y) {
            return alpha[t - 1][p] * expT[p * l + y] * expE[t][y] * beta[t][y] / scale[t];
        }

        double logZ() {
            return logZ;
        }
    }

    Lattice lattice(double[][] e) {
        return new Lattice(this, e);
    }

    /** A tagged sentence: the best tags, and each word's probability of its tag. */
    public record Tagging(List<String> tags, double[] confidence) {

        /** The spans, each with the smallest confidence of its words. */
        public List<ScoredSpan> spans() {
            List<ScoredSpan> spans = new ArrayList<>();
            for (TokenSpan span : TokenSpan.fromTags(tags)) {
                double min = 1;
                for (int i = span.start(); i < span.end(); i++) {
                    min = Math.min(min, confidence[i]);
                }
                spans.add(new ScoredSpan(span, min));
            }
            return spans;
        }
    }

    public record ScoredSpan(TokenSpan span, double score) {}

    /**
     * @param features one {@link WordFeatures} row per word
     * @param vectors one dense vector per word of {@link #denseDims()} values, or null when the model has none
     */
    public Tagging tag(int[][] features, float[][] vectors) {
        if (features.length == 0) {
            return new Tagging(List.of(), new double[0]);
        }
        double[][] e = emissions(features, vectors);
        if (outsideBias != 0 && labels[0].equals("O")) {
            for (double[] row : e) {
                row[0] -= outsideBias;
            }
        }
        int[] best = viterbi(e);
        Lattice lattice = lattice(e);
        double[] confidence = new double[best.length];
        List<String> tags = new ArrayList<>(best.length);
        for (int t = 0; t < best.length; t++) {
            int y = best[t];
            confidence[t] = lattice.marginal(t, y);
            tags.add(labels[y]);
        }
        return new Tagging(tags, confidence);
    }

    /**
     * Writes the model gzipped, sparse weights quantised to a byte per tag (each tag's largest weight is
     * ±127) and only for features with a weight of at least {@link #NEGLIGIBLE}: a resume tagger's
     * 2^18 × 17 weights take a few MB, not ~18.
     * Tagging with the written model is what is measured (the training tools score the model read back).
     */
    public void write(OutputStream out) throws IOException {
        java.util.zip.GZIPOutputStream zipped = new java.util.zip.GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(zipped);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(labels.length);
        for (String label : labels) {
            data.writeUTF(label);
        }
        data.writeInt(bits);
        data.writeInt(denseDims);
        for (double v : transitions) {
            data.writeDouble(v);
        }
        for (double v : start) {
            data.writeDouble(v);
        }
        data.writeDouble(outsideBias);
        for (float v : dense) {
            data.writeFloat(v);
        }
        int l = labels.length;
        int used = 0;
        float[] scale = new float[l]; // per tag: its largest weight maps to ±127
        for (int f = 0; f < (1 << bits); f++) {
            if (nonZero(f)) {
                used++;
            }
            for (int y = 0; y < l; y++) {
                scale[y] = Math.max(scale[y], Math.abs(sparse[f * l + y]) / 127f);
            }
        }
        for (float v : scale) {
            data.writeFloat(v);
        }
        data.writeInt(used);
        int last = 0;
        for (int f = 0; f < (1 << bits); f++) {
            if (nonZero(f)) {
                writeGap(data, f - last); // small gaps, in as few bytes as they need
                last = f;
                for (int y = 0; y < l; y++) {
                    data.writeByte(scale[y] == 0 ? 0 : Math.round(sparse[f * l + y] / scale[y]));
                }
            }
        }
        data.flush();
        zipped.finish();
    }

    private static void writeGap(DataOutputStream data, int gap) throws IOException {
        while (gap >= 0x80) {
            data.writeByte((gap & 0x7f) | 0x80);
            gap >>>= 7;
        }
        data.writeByte(gap);
    }

    private static int readGap(DataInputStream data) throws IOException {
        int gap = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = data.readUnsignedByte();
            gap |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return gap;
            }
        }
        throw new IOException("the CRF model is damaged");
    }

    private boolean nonZero(int f) {
        int l = labels.length;
        for (int y = 0; y < l; y++) {
            if (Math.abs(sparse[f * l + y]) >= NEGLIGIBLE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The model as {@link #write} stores it (quantised, negligible weights dropped): what training
     * tools score, so that the numbers they report are the shipped model's.
     */
    public CrfModel asWritten() {
        return fromBytes(toBytes());
    }

    /** The model as {@link #write} stores it, in memory (a registry artifact, a row awaiting registration). */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** As {@link #read}, from memory; a file that is not a model is an {@link java.io.UncheckedIOException}. */
    public static CrfModel fromBytes(byte[] bytes) {
        try {
            return read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A model shipped as a class-path resource (read once, at start-up, on the calling thread: a large
     * entry of a nested jar must not be read on a virtual thread, see STACK-NOTES).
     */
    public static CrfModel fromClasspath(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public static CrfModel read(InputStream in) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 != 0x1f || b2 != 0x8b) {
            throw new IOException("not an OpenHire CRF model");
        }
        DataInputStream data = new DataInputStream(new java.util.zip.GZIPInputStream(buffered));
        if (data.readInt() != MAGIC) {
            throw new IOException("not an OpenHire CRF model");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("CRF model format " + format + " is not " + FORMAT);
        }
        String[] labels = new String[data.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.readUTF();
        }
        CrfModel model = new CrfModel(labels, data.readInt(), data.readInt());
        for (int i = 0; i < model.transitions.length; i++) {
            model.transitions[i] = data.readDouble();
        }
        for (int i = 0; i < model.start.length; i++) {
            model.start[i] = data.readDouble();
        }
        model.outsideBias = data.readDouble();
        for (int i = 0; i < model.dense.length; i++) {
            model.dense[i] = data.readFloat();
        }
        int l = labels.length;
        float[] scale = new float[l];
        for (int y = 0; y < l; y++) {
            scale[y] = data.readFloat();
        }
        int used = data.readInt();
        int f = 0;
        for (int u = 0; u < used; u++) {
            f += readGap(data);
            if (f < 0 || f >= (1 << model.bits)) {
                throw new IOException("the CRF model is damaged");
            }
            for (int y = 0; y < l; y++) {
                model.sparse[f * l + y] = data.readByte() * scale[y];
            }
        }
        return model;
    }

    @Override
    public String toString() {
        return "CrfModel" + Arrays.toString(labels) + " bits=" + bits + " dense=" + denseDims;
    }
}
