package io.openhire.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrfTrainerTest {

    static final WordFeatures FEATURES = new WordFeatures(16, null);
    static final List<String> TOOLS = List.of("Java", "Python", "Kotlin", "Scala", "Go", "Ruby", "Haskell", "Elixir");
    static final List<String> VERBS = List.of("experience with", "knowledge of", "skilled in", "fluent in");

    /** "We want experience with Java and Ruby ." with the tools tagged, from a seeded generator. */
    static List<TaggedSentence> corpus(int n, long seed) {
        Random random = new Random(seed);
        List<TaggedSentence> sentences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> words = new ArrayList<>(List.of("We", "want"));
            List<String> tags = new ArrayList<>(List.of("O", "O"));
            for (String w : VERBS.get(random.nextInt(VERBS.size())).split(" ")) {
                words.add(w);
                tags.add("O");
            }
            words.add(TOOLS.get(random.nextInt(TOOLS.size())));
            tags.add("B-Skill");
            if (random.nextBoolean()) {
                words.addAll(List.of("and", TOOLS.get(random.nextInt(TOOLS.size())), "programming"));
                tags.addAll(List.of("O", "B-Skill", "I-Skill"));
            }
            words.add(".");
            tags.add("O");
            sentences.add(new TaggedSentence(words, tags, 0));
        }
        return sentences;
    }

    static List<CrfTrainer.Example> examples(List<TaggedSentence> sentences) {
        return sentences.stream()
                .map(s -> new CrfTrainer.Example(FEATURES.of(s.words()), null, s.tags()))
                .toList();
    }

    static CrfModel train(List<TaggedSentence> sentences) {
        return CrfTrainer.train(
                examples(sentences),
                CrfModel.labelsFor(List.of("Skill")),
                16,
                0,
                new CrfTrainer.Params(5, 0.1, 1e-6, 7),
                (e, l, m) -> {},
                () -> false);
    }

    @Test
    void learnsSpansFromContextAndScoresThemOnSentencesItNeverSaw() {
        List<Double> losses = new ArrayList<>();
        CrfModel model = CrfTrainer.train(
                examples(corpus(200, 1)),
                CrfModel.labelsFor(List.of("Skill")),
                16,
                0,
                new CrfTrainer.Params(5, 0.1, 1e-6, 7),
                (epoch, loss, m) -> losses.add(loss),
                () -> false);
        assertThat(losses).hasSize(5);
        assertThat(losses.get(4)).isLessThan(losses.get(0));

        List<TaggedSentence> heldOut = corpus(50, 2);
        List<List<TokenSpan>> gold = heldOut.stream().map(TaggedSentence::spans).toList();
        List<List<TokenSpan>> predicted = heldOut.stream()
                .map(s -> model.tag(FEATURES.of(s.words()), null).spans().stream()
                        .map(CrfModel.ScoredSpan::span)
                        .toList())
                .toList();
        assertThat(SpanScores.of(gold, predicted).f1()).isGreaterThan(0.95);
    }

    @Test
    void aNewWordInASkillsPlaceIsTaggedWithLowerConfidenceThanAKnownOne() {
        CrfModel model = train(corpus(200, 1));
        List<String> words =
                Arrays.asList("We", "want", "experience", "with", "Java", "and", "Zig", "programming", ".");
        CrfModel.Tagging tagging = model.tag(FEATURES.of(words), null);
        assertThat(tagging.spans()).extracting(s -> s.span().start()).containsExactly(4, 6);
        assertThat(tagging.spans().get(0).score())
                .isGreaterThan(tagging.spans().get(1).score());
        assertThat(tagging.spans()).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
    }

    @Test
    void neverEmitsAnInsideTagThatContinuesNothing() {
        CrfModel model = train(corpus(100, 3));
        for (TaggedSentence s : corpus(100, 4)) {
            List<String> tags = model.tag(FEATURES.of(s.words()), null).tags();
            for (int i = 0; i < tags.size(); i++) {
                if (tags.get(i).startsWith("I-")) {
                    assertThat(tags.get(i - 1)).isIn("B-Skill", "I-Skill");
                }
            }
        }
    }

    @Test
    void theSameDataAndSeedWriteTheSameModelAndAReadModelTagsAlike() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        train(corpus(100, 5)).write(first);
        train(corpus(100, 5)).write(second);
        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());

        CrfModel read = CrfModel.read(new ByteArrayInputStream(first.toByteArray()));
        CrfModel original = train(corpus(100, 5));
        for (TaggedSentence s : corpus(20, 6)) {
            int[][] f = FEATURES.of(s.words());
            assertThat(read.tag(f, null).tags()).isEqualTo(original.tag(f, null).tags());
        }
    }

    @Test
    void aCancelledTrainingStopsWithoutAModel() {
        int[] seen = {0};
        assertThatThrownBy(() -> CrfTrainer.train(
                        examples(corpus(100, 1)),
                        CrfModel.labelsFor(List.of("Skill")),
                        16,
                        0,
                        CrfTrainer.Params.defaults(),
                        (e, l, m) -> {},
                        () -> ++seen[0] > 50))
                .isInstanceOf(CrfTrainer.Cancelled.class);
    }

    @Test
    void somethingThatIsNotAModelIsRefused() {
        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .hasMessageContaining("not an OpenHire CRF model");
    }
}
