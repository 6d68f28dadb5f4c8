package io.openhire.tagging;

import java.util.List;

/**
 * Span-level precision, recall and F1: a predicted span is a strict hit when gold has a span of the same
 * words (its type is not compared: a skill is a skill), a lenient hit when it overlaps one.
 */
public record SpanScores(int gold, int predicted, int strictHits, int lenientGoldHits, int lenientPredictedHits) {

    public static SpanScores of(List<List<TokenSpan>> gold, List<List<TokenSpan>> predicted) {
        int g = 0;
        int p = 0;
        int strict = 0;
        int lenientGold = 0;
        int lenientPredicted = 0;
        for (int s = 0; s < gold.size(); s++) {
            List<TokenSpan> gs = gold.get(s);
            List<TokenSpan> ps = predicted.get(s);
            g += gs.size();
            p += ps.size();
            for (TokenSpan x : ps) {
                if (gs.stream().anyMatch(y -> y.start() == x.start() && y.end() == x.end())) {
                    strict++;
                }
                if (gs.stream().anyMatch(x::overlaps)) {
                    lenientPredicted++;
                }
            }
            for (TokenSpan y : gs) {
                if (ps.stream().anyMatch(y::overlaps)) {
                    lenientGold++;
                }
            }
        }
        return new SpanScores(g, p, strict, lenientGold, lenientPredicted);
    }

    public double precision() {
        return predicted == 0 ? 0 : (double) strictHits / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) strictHits / gold;
    }

    public double f1() {
        return harmonic(precision(), recall());
    }

    public double lenientPrecision() {
        return predicted == 0 ? 0 : (double) lenientPredictedHits / predicted;
    }

    public double lenientRecall() {
        return gold == 0 ? 0 : (double) lenientGoldHits / gold;
    }

    public double lenientF1() {
        return harmonic(lenientPrecision(), lenientRecall());
    }

    private static double harmonic(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public String line(String name) {
        return String.format(
                "%-32s gold %5d  predicted %5d  strict P %.3f R %.3f F1 %.3f  lenient P %.3f R %.3f F1 %.3f",
                name, gold, predicted, precision(), recall(), f1(), lenientPrecision(), lenientRecall(), lenientF1());
    }
}
