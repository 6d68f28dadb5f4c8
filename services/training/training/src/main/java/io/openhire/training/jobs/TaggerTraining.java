package io.openhire.training.jobs;

import io.openhire.skills.SkillTagger;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.SpanScores;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.TokenSpan;
import io.openhire.tagging.WordFeatures;
import io.openhire.training.client.EpochProgress;
import io.openhire.training.client.Evaluation;
import io.openhire.training.client.SpanMetrics;
import io.openhire.training.client.TrainingParams;
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
 * One training run of a tagger, without a database or a network: splits the sentences, trains with the
 * tagger's own features (the very {@link SkillTagger#train} the shipped model came from), scores each epoch
 * and the final model on the held-out sentences, and scores another model (the champion) on the same ones.
 */
final class TaggerTraining {

    private final WordFeatures features;
    private final List<TaggedSentence> train;
    private final List<TaggedSentence> dev;
    private final List<int[][]> devFeatures = new ArrayList<>();

    private TaggerTraining(WordFeatures features, List<TaggedSentence> train, List<TaggedSentence> dev) {
        this.features = features;
        this.train = train;
        this.dev = dev;
        for (TaggedSentence s : dev) {
            devFeatures.add(features.of(s.words()));
        }
    }

    /**
     * @param sentences what to train on
     * @param devSentences what to score on; when empty, {@code params.devFraction()} of {@code sentences} is held
     *     out (shuffled with the seed: the same data and parameters hold out the same sentences)
     */
    static TaggerTraining of(
            WordFeatures features,
            List<TaggedSentence> sentences,
            List<TaggedSentence> devSentences,
            TrainingParams params) {
        if (!devSentences.isEmpty()) {
            return new TaggerTraining(features, sentences, devSentences);
        }
        List<TaggedSentence> shuffled = new ArrayList<>(sentences);
        Collections.shuffle(shuffled, new Random(params.seed()));
        int held = Math.max(1, (int) Math.round(sentences.size() * params.devFraction()));
        return new TaggerTraining(
                features, List.copyOf(shuffled.subList(held, shuffled.size())), List.copyOf(shuffled.subList(0, held)));
    }

    int trainSize() {
        return train.size();
    }

    int devSize() {
        return dev.size();
    }

    /** The model as it will be written, after telling each epoch's loss and dev F1 to {@code epochs}. */
    CrfModel run(TrainingParams params, Consumer<EpochProgress> epochs, BooleanSupplier cancelled) {
        CrfTrainer.Params crf =
                new CrfTrainer.Params(params.epochs(), params.learningRate(), params.l2(), params.seed());
        return SkillTagger.train(
                features,
                train,
                crf,
                (epoch, loss, model) -> epochs.accept(
                        new EpochProgress(epoch, loss, score(model).all().f1())),
                cancelled);
    }

    /** How {@code model} does on the held-out sentences. */
    Evaluation score(CrfModel model) {
        List<List<TokenSpan>> gold = new ArrayList<>();
        List<List<TokenSpan>> predicted = new ArrayList<>();
        TreeSet<String> labels = new TreeSet<>();
        for (int i = 0; i < dev.size(); i++) {
            List<TokenSpan> g = dev.get(i).spans();
            List<TokenSpan> p = model.tag(devFeatures.get(i), null).spans().stream()
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
        return new Evaluation(train.size(), dev.size(), metrics(SpanScores.of(gold, predicted)), byLabel);
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
