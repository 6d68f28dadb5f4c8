package io.openhire.resumeprocessing.evaluation;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.extraction.TextExtractor;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import io.openhire.resumetagger.AnnotatedResume;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.WordFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Measures the parser, so that its numbers are honest and anyone can reproduce them.
 *
 * <pre>
 * --gold DIR   resumes as text with inline labels (&lt;label type="Name"&gt;...&lt;/label&gt;, the format of
 *              dotin-inc/resume-dataset-NER-annotations): precision, recall and F1 per field, by 5-fold
 *              cross-validation: each resume is parsed with a tagger trained on the other folds only (the
 *              shipped tagger trained on all of them, so it cannot be scored on them)
 * --rules DIR  the same resumes through the rules alone (no tagger)
 * --pdfs DIR   every PDF under DIR through text extraction and parsing: failures, text coverage, speed
 * </pre>
 *
 * Fields are compared as sets per resume after normalisation (case, punctuation, spacing); a predicted
 * value matches a gold value when one contains the other as whole words ("Oracle" ~ "Oracle India Pvt
 * Ltd"). Skills compare canonical taxonomy names where the gold label is in the taxonomy. Counts are
 * micro-averaged over all resumes.
 */
public final class ParserEvaluation {

    static final List<String> FIELDS = List.of(
            "Name",
            "Email",
            "Location",
            "Designation",
            "Companies worked at",
            "Degree",
            "College Name",
            "Graduation Year",
            "Skills");

    public static void main(String[] args) throws IOException {
        SkillsTaxonomy taxonomy = SkillsTaxonomy.load();
        ResumeParser parser = new ResumeParser(taxonomy, "IN", Clock.systemUTC());
        ResumeParser rules = new ResumeParser(taxonomy, (ResumeTagger) null, "IN", Clock.systemUTC());
        boolean any = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path dir = Path.of(args[i + 1]);
            switch (args[i]) {
                case "--gold" -> {
                    System.out.println("cross-validated, 5 folds (parser " + ResumeParser.VERSION + "):");
                    System.out.print(crossValidated(dir, taxonomy, 5).table());
                    any = true;
                }
                case "--rules" -> {
                    System.out.println("rules alone:");
                    System.out.print(gold(dir, rules, taxonomy).table());
                    any = true;
                }
                case "--pdfs" -> {
                    System.out.println("with the tagger (parser " + ResumeParser.VERSION + "):");
                    System.out.print(pdfs(dir, parser, 20));
                    System.out.println("rules alone, same run:");
                    System.out.print(pdfs(dir, rules, 20));
                    any = true;
                }
                default -> {}
            }
        }
        if (!any) {
            System.err.println("usage: ParserEvaluation [--gold DIR] [--pdfs DIR]");
            System.exit(2);
        }
    }

    /** True/false positives and false negatives of one field. */
    static final class Counts {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public record Result(int resumes, Map<String, Counts> fields, double millisPerResume) {
        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT, "%d labelled resumes, %.2f ms per resume (parse only)%n", resumes, millisPerResume));
            out.append(String.format(
                    Locale.ROOT,
                    "%-22s %9s %9s %9s %7s %7s %7s%n",
                    "field",
                    "precision",
                    "recall",
                    "F1",
                    "tp",
                    "fp",
                    "fn"));
            for (Map.Entry<String, Counts> e : fields.entrySet()) {
                Counts c = e.getValue();
                out.append(String.format(
                        Locale.ROOT,
                        "%-22s %9.3f %9.3f %9.3f %7d %7d %7d%n",
                        e.getKey(),
                        c.precision(),
                        c.recall(),
                        c.f1(),
                        c.tp,
                        c.fp,
                        c.fn));
            }
            return out.toString();
        }

        public double f1(String field) {
            return fields.get(field).f1();
        }
    }

    /** The resumes under {@code dir} through {@code parser}. */
    public static Result gold(Path dir, ResumeParser parser, SkillsTaxonomy taxonomy) throws IOException {
        return scored(AnnotatedResume.readAll(dir), 1, fold -> parser, taxonomy);
    }

    /** Each resume parsed with a tagger that trained on the other folds (resume i is in fold i % folds). */
    public static Result crossValidated(Path dir, SkillsTaxonomy taxonomy, int folds) throws IOException {
        List<AnnotatedResume> resumes = AnnotatedResume.readAll(dir);
        WordFeatures features = ResumeTagger.features(taxonomy);
        List<CrfTrainer.Example> examples = ResumeTaggerTraining.examples(resumes, features);
        return scored(
                resumes,
                folds,
                fold -> new ResumeParser(
                        taxonomy,
                        new ResumeTagger(ResumeTaggerTraining.trainWithout(examples, fold, folds), features),
                        "IN",
                        Clock.systemUTC()),
                taxonomy);
    }

    /** Resume i is in fold {@code i % folds} and parsed by that fold's parser. */
    private static Result scored(
            List<AnnotatedResume> resumes, int folds, IntFunction<ResumeParser> parserOfFold, SkillsTaxonomy taxonomy) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        FIELDS.forEach(f -> counts.put(f, new Counts()));
        long nanos = 0;
        for (int fold = 0; fold < folds; fold++) {
            ResumeParser parser = parserOfFold.apply(fold);
            for (int i = fold; i < resumes.size(); i += folds) {
                AnnotatedResume resume = resumes.get(i);
                Map<String, Set<String>> gold = gold(resume, taxonomy);
                long start = System.nanoTime();
                CandidateProfile profile = parser.parse(resume.text());
                nanos += System.nanoTime() - start;
                Map<String, Set<String>> predicted = predicted(profile);
                for (String field : FIELDS) {
                    score(counts.get(field), gold.get(field), predicted.get(field));
                }
            }
        }
        return new Result(resumes.size(), counts, resumes.isEmpty() ? 0 : nanos / 1e6 / resumes.size());
    }

    /** Every field of {@link #FIELDS}, without values yet. */
    static Map<String, Set<String>> emptyFields() {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        FIELDS.forEach(f -> fields.put(f, new LinkedHashSet<>()));
        return fields;
    }

    /** The labelled values of a resume, per field, normalised as predictions are. */
    static Map<String, Set<String>> gold(AnnotatedResume resume, SkillsTaxonomy taxonomy) {
        Map<String, Set<String>> gold = emptyFields();
        for (AnnotatedResume.Label label : resume.labels()) {
            String field = switch (label.type()) {
                case "Email Address" -> "Email";
                case "Tech Tools", "Job Specific Skills", "Soft Skills" -> "Skills";
                default -> label.type();
            };
            if (gold.containsKey(field)) {
                addValue(gold, field, resume.text().substring(label.start(), label.end()), taxonomy);
            }
        }
        return gold;
    }

    /** A value of a field, normalised; a skill under its taxonomy name where the taxonomy has it. */
    static void addValue(Map<String, Set<String>> values, String field, String value, SkillsTaxonomy taxonomy) {
        if (field.equals("Skills")) {
            value = taxonomy.lookup(value).map(s -> s.name()).orElse(value);
        }
        String normal = normalise(value);
        if (!normal.isEmpty()) {
            values.get(field).add(normal);
        }
    }

    static Map<String, Set<String>> predicted(CandidateProfile p) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        FIELDS.forEach(f -> out.put(f, new LinkedHashSet<>()));
        add(out, "Name", p.name());
        p.emails().forEach(e -> add(out, "Email", e));
        if (p.location() != null) {
            add(out, "Location", p.location().text());
        }
        p.work().forEach(w -> {
            add(out, "Designation", w.title());
            add(out, "Companies worked at", w.employer());
            add(out, "Location", w.location());
        });
        add(out, "Designation", p.headline());
        p.education().forEach(e -> {
            add(out, "Degree", e.degree());
            add(out, "College Name", e.institution());
            add(out, "Graduation Year", e.year() == null ? null : e.year().toString());
        });
        p.skills().forEach(s -> add(out, "Skills", s.name()));
        // what the resume names beyond the history and education: part of what the profile gives a user
        p.mentioned().titles().forEach(v -> add(out, "Designation", v));
        p.mentioned().employers().forEach(v -> add(out, "Companies worked at", v));
        p.mentioned().places().forEach(v -> add(out, "Location", v));
        p.mentioned().institutions().forEach(v -> add(out, "College Name", v));
        return out;
    }

    private static void add(Map<String, Set<String>> out, String field, String value) {
        if (value != null) {
            String normal = normalise(value);
            if (!normal.isEmpty()) {
                out.get(field).add(normal);
            }
        }
    }

    /** Each predicted value that matches an unmatched gold value is a true positive. */
    static void score(Counts counts, Set<String> gold, Set<String> predicted) {
        Set<String> unmatched = new LinkedHashSet<>(gold);
        for (String p : predicted) {
            String hit = null;
            for (String g : unmatched) {
                if (matches(g, p)) {
                    hit = g;
                    break;
                }
            }
            if (hit != null) {
                unmatched.remove(hit);
                counts.tp++;
            } else if (!gold.isEmpty() && gold.stream().anyMatch(g -> matches(g, p))) {
                // a second prediction for a value already matched: neither right nor a new mistake
            } else {
                counts.fp++;
            }
        }
        counts.fn += unmatched.size();
    }

    static boolean matches(String gold, String predicted) {
        if (gold.equals(predicted)) {
            return true;
        }
        String g = " " + gold + " ";
        String p = " " + predicted + " ";
        return g.contains(p) || p.contains(g);
    }

    static String normalise(String value) {
        return value.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}+#@ ]", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /**
     * Every PDF under the folder: extraction outcome, characters of text; then the same files again
     * {@code warmRuns} times to time text extraction and parsing separately once the JIT has warmed up.
     */
    public static String pdfs(Path dir, ResumeParser parser, int warmRuns) throws IOException {
        TextExtractor extractor = new TextExtractor(200_000);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted()
                    .toList();
        }
        int withText = 0;
        int failed = 0;
        long chars = 0;
        List<String> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        List<byte[]> readable = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            TextExtractor.Extracted extracted = extractor.extract(bytes, "application/pdf");
            if (extracted.outcome() == TextExtractor.Extracted.Outcome.TEXT) {
                CandidateProfile profile = parser.parse(extracted.text());
                withText++;
                chars += extracted.text().length();
                readable.add(bytes);
                out.append(String.format(
                        Locale.ROOT,
                        "  %-45s %6d chars, %2d jobs, %2d skills, likelihood %.2f%n",
                        dir.relativize(file),
                        extracted.text().length(),
                        profile.work().size(),
                        profile.skills().size(),
                        profile.resumeLikelihood()));
            } else {
                failed++;
                problems.add(dir.relativize(file) + ": " + extracted.outcome() + " " + extracted.reason());
            }
        }
        long extractNanos = 0;
        long parseNanos = 0;
        int timed = 0;
        for (int run = 0; run < warmRuns; run++) {
            extractNanos = 0;
            parseNanos = 0;
            timed = 0;
            for (byte[] bytes : readable) {
                long t0 = System.nanoTime();
                TextExtractor.Extracted extracted = extractor.extract(bytes, "application/pdf");
                long t1 = System.nanoTime();
                parser.parse(extracted.text());
                long t2 = System.nanoTime();
                extractNanos += t1 - t0;
                parseNanos += t2 - t1;
                timed++;
            }
        }
        String header = String.format(
                Locale.ROOT,
                "%d PDFs: %d with text (%.1f%%), %d without; %d characters on average%n",
                files.size(),
                withText,
                files.isEmpty() ? 0 : 100.0 * withText / files.size(),
                failed,
                withText == 0 ? 0 : chars / withText);
        String timing = timed == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        "warm, one thread: text extraction %.1f ms + parsing %.1f ms per PDF = %.1f PDFs/s per core (after %d runs)%n",
                        extractNanos / 1e6 / timed,
                        parseNanos / 1e6 / timed,
                        timed / ((extractNanos + parseNanos) / 1e9),
                        warmRuns);
        return header + timing + out + String.join("\n", problems) + (problems.isEmpty() ? "" : "\n");
    }

    private ParserEvaluation() {}
}
