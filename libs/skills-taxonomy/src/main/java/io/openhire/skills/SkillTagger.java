package io.openhire.skills;

import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.Fingerprints;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.WordFeatures;
import io.openhire.tagging.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The learned skill tagger: a linear-chain CRF that marks the words of a sentence naming a skill or a piece
 * of knowledge, with a confidence per span. Its features include what the skills taxonomy says of each word,
 * so they are defined here, once, for the model shipped in this jar (trained on SkillSpan's train splits by
 * job-processing's {@code SkillTaggerTraining}), for the training service's new versions, and for
 * job-processing, which tags with whichever version is champion.
 */
public final class SkillTagger {

    /** The shipped model, trained reproducibly (fixed seed) by {@code bench/skill-tagger-train.sh}. */
    public static final String RESOURCE = "openhire/skills/skill-tagger.crf";

    public static final int FEATURE_BITS = 20;

    /**
     * What a model must have been trained on to be read by these features: a version's registry
     * configuration carries it, and a model trained on other features is refused rather than misread.
     */
    public static final String FEATURES = "skill-words-v1";

    /**
     * The fingerprints ({@link #fingerprint}) of the sentences the shipped model trained on, one per line: what
     * lets the training service compare a new version with the shipped one only on sentences it never saw.
     */
    public static final String TRAINED_ON = "openhire/skills/skill-tagger.trained-on.txt";

    /** The parameters the shipped model was trained with: 5 epochs, AdaGrad rate 0.1, L2 1e-5, seed 42. */
    public static final CrfTrainer.Params PARAMS = new CrfTrainer.Params(5, 0.1, 1e-5, 42);

    /** A character span of the text that names a skill, and the tagger's confidence in it. */
    public record TaggedSpan(int start, int end, double score) {}

    private final CrfModel model;
    private final WordFeatures features;

    public SkillTagger(CrfModel model, WordFeatures features) {
        if (model.bits() != FEATURE_BITS) {
            throw new IllegalArgumentException("the model hashes features into " + model.bits()
                    + " bits, the skill tagger's into " + FEATURE_BITS);
        }
        this.model = model;
        this.features = features;
    }

    /** The shipped model. */
    public static SkillTagger load(SkillsTaxonomy taxonomy) {
        return new SkillTagger(
                CrfModel.fromClasspath(SkillTagger.class.getClassLoader(), RESOURCE), features(taxonomy));
    }

    /**
     * The features the tagger sees: the word and its neighbours (see {@link WordFeatures}), whether the
     * taxonomy names a skill there ({@code B}/{@code I} of a match), and whether the word often starts or
     * appears in skill names ("manage", "develop", "data").
     */
    public static WordFeatures features(SkillsTaxonomy taxonomy) {
        return new WordFeatures(FEATURE_BITS, taxonomy::tagWords, taxonomy::wordRoles);
    }

    /**
     * Trains a tagger on these sentences with these features, as it will be written (weights quantised): the
     * one way the shipped model and every trained version are made.
     *
     * @param cancelled asked between sentences; training stops with {@link CrfTrainer.Cancelled} once it says so
     */
    public static CrfModel train(
            WordFeatures features,
            List<TaggedSentence> sentences,
            CrfTrainer.Params params,
            CrfTrainer.Progress progress,
            BooleanSupplier cancelled) {
        List<CrfTrainer.Example> examples = new ArrayList<>(sentences.size());
        for (TaggedSentence s : sentences) {
            examples.add(new CrfTrainer.Example(features.of(s.words()), null, s.tags()));
        }
        return train(examples, params, progress, cancelled);
    }

    /** As {@link #train(WordFeatures, List, CrfTrainer.Params, CrfTrainer.Progress, BooleanSupplier)}, from examples. */
    public static CrfModel train(
            List<CrfTrainer.Example> examples,
            CrfTrainer.Params params,
            CrfTrainer.Progress progress,
            BooleanSupplier cancelled) {
        // the span types in the order they first appear (as Conll.types gives them: the shipped model's labels)
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        for (CrfTrainer.Example example : examples) {
            for (String tag : example.tags()) {
                if (!tag.equals("O")) {
                    types.add(tag.substring(2));
                }
            }
        }
        String[] labels = CrfModel.labelsFor(List.copyOf(types));
        // each epoch's model is told as it would be written, so that its scores are the ones the model will have
        CrfTrainer.Progress asWritten = (epoch, loss, model) -> progress.epoch(epoch, loss, model.asWritten());
        return CrfTrainer.train(examples, labels, FEATURE_BITS, 0, params, asWritten, cancelled)
                .asWritten();
    }

    /** A sentence's fingerprint: the first 16 hex digits of the SHA-256 of its words. */
    public static String fingerprint(List<String> words) {
        return Fingerprints.of(String.join(" ", words));
    }

    /** The fingerprints of the sentences the shipped model trained on. */
    public static java.util.Set<String> shippedTrainedOn() {
        return Fingerprints.read(SkillTagger.class.getClassLoader(), TRAINED_ON);
    }

    public CrfModel model() {
        return model;
    }

    /** The spans of {@code text} the model tags as a skill or knowledge, in order. */
    public List<TaggedSpan> spans(String text) {
        List<Words.Word> words = Words.of(text);
        if (words.isEmpty()) {
            return List.of();
        }
        CrfModel.Tagging tagging = model.tag(features.of(Words.texts(words)), null);
        List<TaggedSpan> spans = new ArrayList<>();
        for (CrfModel.ScoredSpan scored : tagging.spans()) {
            int start = words.get(scored.span().start()).start();
            int end = words.get(scored.span().end() - 1).end();
            spans.add(new TaggedSpan(start, end, scored.score()));
        }
        return spans;
    }
}
