package io.openhire.jobprocessing.analysis;

import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.WordFeatures;
import io.openhire.tagging.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned skill tagger: a linear-chain CRF trained on the SkillSpan and Green job-ad corpora
 * ({@code bench/skill-tagger-train.sh}) marks the words of a sentence that name a skill or a piece of
 * knowledge, with a confidence per span. Its features include what the skills taxonomy says of each word,
 * computed here for training and tagging alike.
 */
public final class SkillTagger {

    /** The shipped model, trained reproducibly (fixed seed) by {@code SkillTaggerTraining}. */
    public static final String RESOURCE = "openhire/job-processing/skill-tagger.crf";

    public static final int FEATURE_BITS = 20;

    /** A character span of the text that names a skill, and the tagger's confidence in it. */
    public record TaggedSpan(int start, int end, double score) {}

    private final CrfModel model;
    private final WordFeatures features;

    public SkillTagger(CrfModel model, WordFeatures features) {
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
