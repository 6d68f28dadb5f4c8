package io.openhire.pii.evaluation;

import io.openhire.pii.PiiDetector;
import io.openhire.pii.PiiSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the detector on a file in Presidio-research's format (a JSON list of {@code {full_text, spans:
 * [{entity_type, entity_value, start_position, end_position}]}}) the way presidio-research's evaluator
 * does: token by token (IO tags), both sides' entity names mapped to one vocabulary ({@link EntityMapping}),
 * per entity and overall precision, recall and F2 (recall weighs twice: a missed phone number leaks, a
 * masked word only costs a word).
 *
 * <pre>java -cp … io.openhire.pii.evaluation.PresidioEvaluation --presidio FILE [--threshold 0.5] [--errors N]</pre>
 */
public final class PresidioEvaluation {

    /** One sample's gold spans. */
    public record Sample(String text, List<Gold> spans) {}

    public record Gold(String type, int start, int end) {}

    /** Token counts of one entity. */
    public static final class Counts {
        long truePositives;
        long falsePositives;
        long falseNegatives;

        public double precision() {
            return truePositives + falsePositives == 0
                    ? Double.NaN
                    : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0
                    ? Double.NaN
                    : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f2() {
            double p = precision();
            double r = recall();
            return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 5 * p * r / (4 * p + r);
        }

        public long support() {
            return truePositives + falseNegatives;
        }
    }

    /** The scores: per entity, overall, and the gold types left out (no counterpart in the detector). */
    public record Report(
            Map<String, Counts> perEntity,
            Counts overall,
            Map<String, Integer> unscoredGold,
            int samples,
            int tokens) {}

    private PresidioEvaluation() {}

    public static Report evaluate(List<Sample> samples, PiiDetector detector, double threshold) {
        Map<String, Counts> perEntity = new TreeMap<>();
        Counts overall = new Counts();
        Map<String, Integer> unscored = new TreeMap<>();
        int tokens = 0;
        for (Sample sample : samples) {
            List<int[]> words = tokens(sample.text());
            tokens += words.size();
            String[] gold = new String[words.size()];
            String[] predicted = new String[words.size()];
            java.util.Arrays.fill(gold, "O");
            java.util.Arrays.fill(predicted, "O");
            for (Gold span : sample.spans()) {
                String type = EntityMapping.gold(span.type());
                if (type == null) {
                    unscored.merge(span.type().toUpperCase(Locale.ROOT), 1, Integer::sum);
                    continue;
                }
                tag(gold, words, span.start(), span.end(), type);
            }
            for (PiiSpan span : detector.analyze(sample.text(), java.util.Set.of(), threshold)) {
                String type = EntityMapping.predicted(span.type());
                if (type != null) {
                    tag(predicted, words, span.start(), span.end(), type);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                String g = gold[i];
                String p = predicted[i];
                if (g.equals(p)) {
                    if (!g.equals("O")) {
                        perEntity.computeIfAbsent(g, k -> new Counts()).truePositives++;
                        overall.truePositives++;
                    }
                    continue;
                }
                if (!p.equals("O")) {
                    perEntity.computeIfAbsent(p, k -> new Counts()).falsePositives++;
                    overall.falsePositives++;
                }
                if (!g.equals("O")) {
                    perEntity.computeIfAbsent(g, k -> new Counts()).falseNegatives++;
                    overall.falseNegatives++;
                }
            }
        }
        return new Report(perEntity, overall, unscored, samples.size(), tokens);
    }

    /** Words and single punctuation marks, as spaCy's tokenizer roughly cuts English. */
    static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                tokens.add(new int[] {start, i});
            } else {
                tokens.add(new int[] {i, i + 1});
                i++;
            }
        }
        return tokens;
    }

    private static void tag(String[] tags, List<int[]> words, int start, int end, String type) {
        for (int i = 0; i < words.size(); i++) {
            int[] word = words.get(i);
            if (word[0] < end && start < word[1]) {
                tags[i] = type;
            }
        }
    }

    public static String format(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "%d samples, %d tokens; token-level, IO tags%n%n", report.samples(), report.tokens()));
        out.append(String.format(
                Locale.ROOT, "| entity | precision | recall | F2 | gold tokens |%n|---|---|---|---|---|%n"));
        for (var entry : report.perEntity().entrySet()) {
            Counts c = entry.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.3f | %d |%n",
                    entry.getKey(),
                    fmt(c.precision()),
                    fmt(c.recall()),
                    c.f2(),
                    c.support()));
        }
        Counts o = report.overall();
        out.append(String.format(
                Locale.ROOT,
                "| **overall** | %s | %s | **%.3f** | %d |%n",
                fmt(o.precision()),
                fmt(o.recall()),
                o.f2(),
                o.support()));
        if (!report.unscoredGold().isEmpty()) {
            out.append("\nGold types without a counterpart (scored as O): ")
                    .append(report.unscoredGold())
                    .append('\n');
        }
        return out.toString();
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    public static void main(String[] args) throws IOException {
        Path file = null;
        double threshold = PiiDetector.DEFAULT_THRESHOLD;
        int errors = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--presidio" -> file = Path.of(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--errors" -> errors = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: PresidioEvaluation --presidio FILE [--threshold 0.5] [--errors N]");
            System.exit(2);
        }
        List<Sample> samples = PresidioJson.read(Files.readString(file));
        PiiDetector detector = PiiDetector.standard();
        long started = System.nanoTime();
        Report report = evaluate(samples, detector, threshold);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.print(format(report));
        System.out.printf(
                Locale.ROOT,
                "%nthreshold %.2f; %.1f samples/s (one thread, first pass, includes warm-up)%n",
                threshold,
                samples.size() / seconds);
        if (errors > 0) {
            printErrors(samples, detector, threshold, errors);
        }
    }

    private static void printErrors(List<Sample> samples, PiiDetector detector, double threshold, int limit) {
        int shown = 0;
        for (Sample sample : samples) {
            List<String> gold = sample.spans().stream()
                    .filter(s -> EntityMapping.gold(s.type()) != null)
                    .map(s -> EntityMapping.gold(s.type()) + ":" + sample.text().substring(s.start(), s.end()))
                    .sorted()
                    .toList();
            List<String> predicted = detector.analyze(sample.text(), java.util.Set.of(), threshold).stream()
                    .filter(s -> EntityMapping.predicted(s.type()) != null)
                    .map(s -> EntityMapping.predicted(s.type()) + ":"
                            + sample.text().substring(s.start(), s.end()))
                    .sorted()
                    .toList();
            if (!gold.equals(predicted)) {
                System.out.println(
                        "\n---\n" + sample.text() + "\n  gold:      " + gold + "\n  predicted: " + predicted);
                if (++shown >= limit) {
                    return;
                }
            }
        }
    }
}
