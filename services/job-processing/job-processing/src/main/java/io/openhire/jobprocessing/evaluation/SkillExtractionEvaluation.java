package io.openhire.jobprocessing.evaluation;

import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.skills.SkillsTaxonomy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Span-level precision, recall and F1 of the skill extractor on a CoNLL file: one token per line, a
 * blank line between sentences, then one or more BIO tag columns (SkillSpan has a Skill and a Knowledge
 * column, Green et al. one Skill column). A gold span is a B- tag with its following I- tags in any
 * column; a predicted span counts when it covers exactly the same tokens (strict), or overlaps one
 * (lenient).
 *
 * <pre>java -cp job-processing.jar io.openhire.jobprocessing.evaluation.SkillExtractionEvaluation --conll FILE [--conll FILE…]</pre>
 */
public final class SkillExtractionEvaluation {

    /** Token spans [start, end) within a sentence. */
    record TokenSpan(int sentence, int start, int end) {}

    public record Scores(
            int sentences, int gold, int predicted, int strictHits, int lenientGoldHits, int lenientPredictedHits) {
        public double precision() {
            return predicted == 0 ? 0 : (double) strictHits / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) strictHits / gold;
        }

        public double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }

        public double lenientPrecision() {
            return predicted == 0 ? 0 : (double) lenientPredictedHits / predicted;
        }

        public double lenientRecall() {
            return gold == 0 ? 0 : (double) lenientGoldHits / gold;
        }

        public double lenientF1() {
            double p = lenientPrecision();
            double r = lenientRecall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public String line(String name) {
            return String.format(
                    "%-40s sentences %5d  gold %5d  predicted %5d  strict P %.3f R %.3f F1 %.3f  lenient P %.3f R %.3f F1 %.3f",
                    name,
                    sentences,
                    gold,
                    predicted,
                    precision(),
                    recall(),
                    f1(),
                    lenientPrecision(),
                    lenientRecall(),
                    lenientF1());
        }
    }

    private SkillExtractionEvaluation() {}

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--conll") && i + 1 < args.length) {
                files.add(Path.of(args[++i]));
            } else {
                System.err.println("usage: SkillExtractionEvaluation --conll FILE [--conll FILE ...]");
                System.exit(2);
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: SkillExtractionEvaluation --conll FILE [--conll FILE ...]");
            System.exit(2);
        }
        SkillExtractor extractor = new SkillExtractor(SkillsTaxonomy.load());
        PrintStream out = System.out;
        for (Path file : files) {
            out.println(evaluate(extractor, file).line(file.getFileName().toString()));
        }
    }

    public static Scores evaluate(SkillExtractor extractor, Path conll) throws IOException {
        List<List<String[]>> sentences = read(Files.readAllLines(conll, StandardCharsets.UTF_8));
        Set<TokenSpan> gold = new HashSet<>();
        Set<TokenSpan> predicted = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<String[]> tokens = sentences.get(s);
            gold.addAll(goldSpans(s, tokens));
            predicted.addAll(predictedSpans(extractor, s, tokens));
        }
        int strict = 0;
        for (TokenSpan p : predicted) {
            if (gold.contains(p)) {
                strict++;
            }
        }
        int lenientGold = 0;
        for (TokenSpan g : gold) {
            if (predicted.stream().anyMatch(p -> overlaps(p, g))) {
                lenientGold++;
            }
        }
        int lenientPredicted = 0;
        for (TokenSpan p : predicted) {
            if (gold.stream().anyMatch(g -> overlaps(p, g))) {
                lenientPredicted++;
            }
        }
        return new Scores(sentences.size(), gold.size(), predicted.size(), strict, lenientGold, lenientPredicted);
    }

    private static boolean overlaps(TokenSpan a, TokenSpan b) {
        return a.sentence() == b.sentence() && a.start() < b.end() && b.start() < a.end();
    }

    static List<List<String[]>> read(List<String> lines) {
        List<List<String[]>> sentences = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(line.split("\t"));
        }
        if (!current.isEmpty()) {
            sentences.add(current);
        }
        return sentences;
    }

    static Set<TokenSpan> goldSpans(int sentence, List<String[]> tokens) {
        Set<TokenSpan> spans = new HashSet<>();
        int columns = tokens.stream().mapToInt(t -> t.length).max().orElse(1);
        for (int c = 1; c < columns; c++) {
            int start = -1;
            for (int i = 0; i <= tokens.size(); i++) {
                String tag = i < tokens.size() && tokens.get(i).length > c ? tokens.get(i)[c] : "O";
                boolean begins = tag.startsWith("B-");
                boolean inside = tag.startsWith("I-");
                if (start >= 0 && !inside) {
                    spans.add(new TokenSpan(sentence, start, i));
                    start = -1;
                }
                if (begins || (inside && start < 0)) {
                    start = i;
                }
            }
        }
        return spans;
    }

    /** The sentence as text (tokens joined by spaces), spans found, mapped back to the tokens they cover. */
    static Set<TokenSpan> predictedSpans(SkillExtractor extractor, int sentence, List<String[]> tokens) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(tokens.get(i)[0]);
            ends[i] = text.length();
        }
        Set<TokenSpan> spans = new HashSet<>();
        for (SkillExtractor.Span span : extractor.spans(text.toString())) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (starts[i] < span.end() && span.start() < ends[i]) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            if (first >= 0) {
                spans.add(new TokenSpan(sentence, first, last + 1));
            }
        }
        return spans;
    }
}
