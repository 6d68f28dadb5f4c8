package io.openhire.training.jobs;

import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.SpanScores;
import io.openhire.tagging.TokenSpan;
import io.openhire.training.client.EpochProgress;
import io.openhire.training.client.Evaluation;
import io.openhire.training.client.SpanMetrics;
import io.openhire.training.client.TrainingParams;
import io.openhire.training.datasets.Labelled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One training run of a task's tagger, without a database or a network: splits the labelled sentences (or
 * resumes), trains with the tagger's own features and training function (those the shipped model came from),
 * scores each epoch and the final model on the held-out ones, and scores another model (the champion) on the
 * same ones.
 */
final class TaggerTraining {

    private final TaskTagger tagger;
    private final List<CrfTrainer.Example> train;
    private final List<CrfTrainer.Example> dev;
    /** The fingerprint of each held-out item, in the order of {@link #dev}. */
    private final List<String> devFingerprints;

    private TaggerTraining(
            TaskTagger tagger,
            List<CrfTrainer.Example> train,
            List<CrfTrainer.Example> dev,
            List<String> devFingerprints) {
        this.tagger = tagger;
        this.train = train;
        this.dev = dev;
        this.devFingerprints = devFingerprints;
    }

    /**
     * @param items what to train on
     * @param devItems what to score on; when empty, {@code params.devFraction()} of {@code items} is held out
     *     (shuffled with the seed: the same data and parameters hold out the same items)
     */
    static TaggerTraining of(TaskTagger tagger, List<Labelled> items, List<Labelled> devItems, TrainingParams params) {
        List<Labelled> training = items;
        List<Labelled> held = devItems;
        if (devItems.isEmpty()) {
            List<Labelled> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, new Random(params.seed()));
            int size = Math.max(1, (int) Math.round(items.size() * params.devFraction()));
            training = shuffled.subList(size, shuffled.size());
            held = shuffled.subList(0, size);
        }
        return new TaggerTraining(
                tagger,
                examples(tagger, training),
                examples(tagger, held),
                held.stream().map(tagger::fingerprint).toList());
    }

    private static List<CrfTrainer.Example> examples(TaskTagger tagger, List<Labelled> items) {
        List<CrfTrainer.Example> examples = new ArrayList<>(items.size());
        for (Labelled item : items) {
            examples.add(tagger.example(item));
        }
        return examples;
    }

    int trainSize() {
        return train.size();
    }

    int devSize() {
        return dev.size();
    }

    /** What the task's items are called: "sentences" or "resumes" (and one of them). */
    String unit() {
        return tagger.unit() + "s";
    }

    String unitOne() {
        return tagger.unit();
    }

    /** Two models on the same held-out items; {@code left} were left out because the other model trained on them. */
    record Compared(int items, int left, SpanMetrics version, SpanMetrics champion) {}

    /**
     * {@code version} beside {@code champion} on the held-out items whose fingerprint is not in
     * {@code championTrainedOn} (all of them when it is null); null when none is left.
     */
    Compared compare(CrfModel version, CrfModel champion, java.util.Set<String> championTrainedOn) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < dev.size(); i++) {
            if (championTrainedOn == null || !championTrainedOn.contains(devFingerprints.get(i))) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        return new Compared(
                kept.size(),
                dev.size() - kept.size(),
                score(version, kept).all(),
                score(champion, kept).all());
    }

    /** The model as it will be written, after telling each epoch's loss and dev F1 to {@code epochs}. */
    CrfModel run(TrainingParams params, Consumer<EpochProgress> epochs, BooleanSupplier cancelled) {
        CrfTrainer.Params crf =
                new CrfTrainer.Params(params.epochs(), params.learningRate(), params.l2(), params.seed());
        return tagger.train(
                train,
                crf,
                (epoch, loss, model) -> epochs.accept(
                        new EpochProgress(epoch, loss, score(model).all().f1())),
                cancelled);
    }

    /** How {@code model} does on the held-out items. */
    Evaluation score(CrfModel model) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < dev.size(); i++) {
            all.add(i);
        }
        return score(model, all);
    }

    private Evaluation score(CrfModel model, List<Integer> items) {
        List<List<TokenSpan>> gold = new ArrayList<>();
        List<List<TokenSpan>> predicted = new ArrayList<>();
        TreeSet<String> labels = new TreeSet<>();
        for (int i : items) {
            CrfTrainer.Example example = dev.get(i);
            List<TokenSpan> g = TokenSpan.fromTags(example.tags());
            List<TokenSpan> p = model.tag(example.features(), null).spans().stream()
                    .map(CrfModel.ScoredSpan::span)
                    .toList();
            gold.add(g);
            predicted.add(p);
            g.forEach(span -> labels.add(span.type()));
            p.forEach(span -> labels.add(span.type()));
        }
        Map<String, SpanMetrics> byLabel = new TreeMap<>();
        for (String label : labels) {
            byLabel.put(label, metrics(SpanScores.of(only(gold, label), only(predicted, label))));
        }
        return new Evaluation(train.size(), items.size(), metrics(SpanScores.of(gold, predicted)), byLabel);
    }

    private static List<List<TokenSpan>> only(List<List<TokenSpan>> sentences, String label) {
        List<List<TokenSpan>> kept = new ArrayList<>(sentences.size());
        for (List<TokenSpan> spans : sentences) {
            kept.add(spans.stream().filter(s -> s.type().equals(label)).toList());
        }
        return kept;
    }

    private static SpanMetrics metrics(SpanScores s) {
        return new SpanMetrics(
                s.gold(), s.predicted(), round(s.precision()), round(s.recall()), round(s.f1()), round(s.lenientF1()));
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
