package io.openhire.jobprocessing.evaluation;

import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.Conll;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.SpanScores;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.TokenSpan;
import io.openhire.tagging.WordFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the skill tagger shipped in job-processing and reports its span scores.
 *
 * <ul>
 *   <li>{@code --train FILE}: CoNLL sentences to train on (SkillSpan's train splits);
 *   <li>{@code --dev FILE}: CoNLL sentences to score after each epoch, never trained on;
 *   <li>{@code --cv FILE}: a corpus with no train split of its own (Green et al.'s dev set): scored once
 *       by the written model, which never sees it, and once by k-fold cross-validation (each fold scored
 *       by a model that trained on the other folds and on {@code --train}), which says what training on
 *       its own way of marking spans would give. The written model does not train on it: Green marks
 *       long spans ("experience in managing a team") where SkillSpan marks the skill, and mixing the two
 *       lowered SkillSpan house dev's strict F1 from 0.315 to 0.283;
 *   <li>{@code --out FILE}: where to write the model (the resource {@link SkillTagger#RESOURCE} of libs/skills-taxonomy).
 * </ul>
 *
 * Shuffling has a fixed seed: the same files and parameters write the same model.
 */
public final class SkillTaggerTraining {

    static final CrfTrainer.Params PARAMS = SkillTagger.PARAMS;
    static final int FOLDS = 5;

    private SkillTaggerTraining() {}

    public static void main(String[] args) throws IOException {
        List<Path> train = new ArrayList<>();
        List<Path> dev = new ArrayList<>();
        List<Path> cv = new ArrayList<>();
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path file = Path.of(args[i + 1]);
            switch (args[i]) {
                case "--train" -> train.add(file);
                case "--dev" -> dev.add(file);
                case "--cv" -> cv.add(file);
                case "--out" -> out = file;
                default -> usage();
            }
        }
        if (train.isEmpty() || args.length % 2 != 0) {
            usage();
        }
        PrintStream log = System.out;
        SkillsTaxonomy taxonomy = SkillsTaxonomy.load();
        WordFeatures features = SkillTagger.features(taxonomy);
        List<TaggedSentence> baseSentences = read(train);
        List<CrfTrainer.Example> base = examples(features, baseSentences);
        Map<String, Scoring> devSets = new LinkedHashMap<>();
        for (Path file : dev) {
            devSets.put(file.getFileName().toString(), Scoring.of(features, file));
        }
        Map<String, Scoring> cvSets = new LinkedHashMap<>();
        for (Path file : cv) {
            Scoring corpus = Scoring.of(features, file);
            cvSets.put(file.getFileName().toString(), corpus);
            log.println("cross-validation on " + file.getFileName() + " (" + FOLDS + " folds):");
            List<List<TokenSpan>> gold = new ArrayList<>();
            List<List<TokenSpan>> predicted = new ArrayList<>();
            for (int fold = 0; fold < FOLDS; fold++) {
                List<CrfTrainer.Example> examples = new ArrayList<>(base);
                Scoring held = corpus.fold(fold, FOLDS, examples);
                CrfModel model = train(examples, baseSentences, PARAMS, (e, l, m) -> {});
                List<List<TokenSpan>> foldPredicted = held.predict(model);
                gold.addAll(held.gold());
                predicted.addAll(foldPredicted);
                log.println("  " + SpanScores.of(held.gold(), foldPredicted).line("fold " + (fold + 1)));
            }
            log.println("  " + SpanScores.of(gold, predicted).line("all folds"));
        }
        long started = System.nanoTime();
        CrfModel model = train(base, baseSentences, PARAMS, (epoch, loss, m) -> {
            log.printf("epoch %d  loss %.3f%n", epoch, loss);
            devSets.forEach((name, set) ->
                    log.println("  " + SpanScores.of(set.gold(), set.predict(m)).line(name)));
        });
        log.printf("trained on %d sentences in %.1f s%n", base.size(), (System.nanoTime() - started) / 1e9);
        cvSets.forEach((name, set) ->
                log.println(SpanScores.of(set.gold(), set.predict(model)).line(name + " (never trained on)")));
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream stream = Files.newOutputStream(out)) {
                model.write(stream);
            }
            log.println("wrote " + out + " (" + Files.size(out) + " bytes)");
            Path trainedOn = out.resolveSibling(Path.of(SkillTagger.TRAINED_ON).getFileName());
            java.util.Set<String> fingerprints = new java.util.HashSet<>();
            baseSentences.forEach(sentence -> fingerprints.add(SkillTagger.fingerprint(sentence.words())));
            Files.writeString(trainedOn, io.openhire.tagging.Fingerprints.write(fingerprints));
            log.println("wrote " + trainedOn + " (" + fingerprints.size() + " sentences)");
        }
    }

    /** The shipped model's training: these CoNLL files, {@link #PARAMS}, the tagger's features. */
    public static CrfModel train(List<Path> files, CrfTrainer.Progress progress) throws IOException {
        return SkillTagger.train(
                SkillTagger.features(SkillsTaxonomy.load()), read(files), PARAMS, progress, () -> false);
    }

    static CrfModel train(
            List<CrfTrainer.Example> examples,
            List<TaggedSentence> typedBy,
            CrfTrainer.Params params,
            CrfTrainer.Progress progress) {
        String[] labels = CrfModel.labelsFor(Conll.types(typedBy));
        return CrfTrainer.train(examples, labels, SkillTagger.FEATURE_BITS, 0, params, progress, () -> false)
                .asWritten();
    }

    static List<TaggedSentence> read(List<Path> files) throws IOException {
        List<TaggedSentence> sentences = new ArrayList<>();
        for (Path file : files) {
            sentences.addAll(Conll.parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return sentences;
    }

    static List<CrfTrainer.Example> examples(WordFeatures features, List<TaggedSentence> sentences) {
        List<CrfTrainer.Example> examples = new ArrayList<>();
        for (TaggedSentence s : sentences) {
            examples.add(new CrfTrainer.Example(features.of(s.words()), null, s.tags()));
        }
        return examples;
    }

    /** A scored corpus: sentences with their features, and every gold span of every tag column. */
    record Scoring(List<TaggedSentence> sentences, List<int[][]> features, List<List<TokenSpan>> gold) {

        static Scoring of(WordFeatures wordFeatures, Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<TaggedSentence> sentences = Conll.parse(lines);
            List<int[][]> features = new ArrayList<>();
            for (TaggedSentence s : sentences) {
                features.add(wordFeatures.of(s.words()));
            }
            return new Scoring(sentences, features, Conll.columnSpans(lines));
        }

        /** Sentence i belongs to fold {@code i % folds}: returns that fold, adds the others to {@code rest}. */
        Scoring fold(int fold, int folds, List<CrfTrainer.Example> rest) {
            List<TaggedSentence> s = new ArrayList<>();
            List<int[][]> f = new ArrayList<>();
            List<List<TokenSpan>> g = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                if (i % folds == fold) {
                    s.add(sentences.get(i));
                    f.add(features.get(i));
                    g.add(gold.get(i));
                } else {
                    rest.add(new CrfTrainer.Example(
                            features.get(i), null, sentences.get(i).tags()));
                }
            }
            return new Scoring(s, f, g);
        }

        List<List<TokenSpan>> predict(CrfModel model) {
            List<List<TokenSpan>> predicted = new ArrayList<>();
            for (int[][] f : features) {
                predicted.add(model.tag(f, null).spans().stream()
                        .map(CrfModel.ScoredSpan::span)
                        .toList());
            }
            return predicted;
        }
    }

    private static void usage() {
        System.err.println(
                "usage: SkillTaggerTraining --train FILE [--train FILE ...] [--dev FILE ...] [--cv FILE ...] [--out FILE]");
        System.exit(2);
    }
}
