package io.openhire.tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains a {@link CrfModel} by stochastic gradient descent on the negative log-likelihood, one sentence
 * at a time, with AdaGrad step sizes and L2 regularisation on the weights a sentence touches. Sentences
 * are shuffled each epoch with a fixed seed, so the same data and parameters give the same model.
 */
public final class CrfTrainer {

    /** One training sentence: its word features, optional dense vectors, and the gold tag of each word. */
    public record Example(int[][] features, float[][] vectors, List<String> tags) {}

    /**
     * @param epochs passes over the data
     * @param learningRate AdaGrad's base step
     * @param l2 the weight decay per update
     * @param seed the shuffle's seed
     */
    public record Params(int epochs, double learningRate, double l2, long seed) {
        public static Params defaults() {
            return new Params(12, 0.1, 1e-6, 42);
        }

        public Params {
            if (epochs < 1 || epochs > 200) {
                throw new IllegalArgumentException("epochs must be 1..200");
            }
            if (!(learningRate > 0 && learningRate <= 10)) {
                throw new IllegalArgumentException("learningRate must be in (0, 10]");
            }
            if (!(l2 >= 0 && l2 < 1)) {
                throw new IllegalArgumentException("l2 must be in [0, 1)");
            }
        }
    }

    /** Told after each epoch; returning normally continues. */
    @FunctionalInterface
    public interface Progress {
        void epoch(int epoch, double meanLoss, CrfModel model);
    }

    /** Training stopped because {@code cancelled} said so. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("training was cancelled");
        }
    }

    private CrfTrainer() {}

    public static CrfModel train(
            List<Example> examples,
            String[] labels,
            int bits,
            int denseDims,
            Params params,
            Progress progress,
            BooleanSupplier cancelled) {
        CrfModel model = new CrfModel(labels, bits, denseDims);
        int l = labels.length;
        float[] sparseG2 = new float[model.sparse.length];
        float[] denseG2 = new float[model.dense.length];
        double[] transG2 = new double[model.transitions.length];
        double[] startG2 = new double[model.start.length];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(params.seed());
        double eta = params.learningRate();
        double l2 = params.l2();
        for (int epoch = 1; epoch <= params.epochs(); epoch++) {
            Collections.shuffle(order, random);
            double loss = 0;
            int counted = 0;
            for (Example example : order) {
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                int n = example.features().length;
                if (n == 0) {
                    continue;
                }
                int[] gold = new int[n];
                for (int t = 0; t < n; t++) {
                    gold[t] = model.label(example.tags().get(t));
                }
                double[][] e = model.emissions(example.features(), example.vectors());
                CrfModel.Lattice lattice = model.lattice(e);
                double goldScore = model.start[gold[0]] + e[0][gold[0]];
                for (int t = 1; t < n; t++) {
                    goldScore += model.transitions[gold[t - 1] * l + gold[t]] + e[t][gold[t]];
                }
                loss += lattice.logZ() - goldScore;
                counted++;
                // transitions and start: expected minus observed counts
                double[] transGrad = new double[l * l];
                for (int t = 1; t < n; t++) {
                    for (int p = 0; p < l; p++) {
                        for (int y = 0; y < l; y++) {
                            if (!model.allowed[p * l + y]) {
                                continue;
                            }
                            transGrad[p * l + y] += lattice.pairMarginal(t, p, y);
                        }
                    }
                    transGrad[gold[t - 1] * l + gold[t]] -= 1;
                }
                for (int i = 0; i < transGrad.length; i++) {
                    if (model.allowed[i]) {
                        double g = transGrad[i] + l2 * model.transitions[i];
                        transG2[i] += g * g;
                        model.transitions[i] -= eta * g / Math.sqrt(transG2[i] + 1e-8);
                    }
                }
                for (int y = 0; y < l; y++) {
                    if (!model.allowedStart[y]) {
                        continue;
                    }
                    double g = lattice.marginal(0, y) - (gold[0] == y ? 1 : 0);
                    startG2[y] += g * g;
                    model.start[y] -= eta * g / Math.sqrt(startG2[y] + 1e-8);
                }
                // emissions: marginal minus gold, for every feature of the word
                double[] g = new double[l];
                for (int t = 0; t < n; t++) {
                    for (int y = 0; y < l; y++) {
                        g[y] = lattice.marginal(t, y) - (gold[t] == y ? 1 : 0);
                    }
                    for (int f : example.features()[t]) {
                        int base = f * l;
                        for (int y = 0; y < l; y++) {
                            double grad = g[y] + l2 * model.sparse[base + y];
                            sparseG2[base + y] += (float) (grad * grad);
                            model.sparse[base + y] -= (float) (eta * grad / Math.sqrt(sparseG2[base + y] + 1e-8));
                        }
                    }
                    if (example.vectors() != null && denseDims > 0) {
                        float[] x = example.vectors()[t];
                        for (int d = 0; d < denseDims; d++) {
                            int base = d * l;
                            for (int y = 0; y < l; y++) {
                                double grad = g[y] * x[d] + l2 * model.dense[base + y];
                                denseG2[base + y] += (float) (grad * grad);
                                model.dense[base + y] -= (float) (eta * grad / Math.sqrt(denseG2[base + y] + 1e-8));
                            }
                        }
                    }
                }
            }
            progress.epoch(epoch, counted == 0 ? 0 : loss / counted, model);
        }
        return model;
    }
}
