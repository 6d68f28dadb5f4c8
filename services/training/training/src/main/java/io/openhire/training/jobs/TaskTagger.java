package io.openhire.training.jobs;

import io.openhire.platform.crypto.Sha256;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.WordFeatures;
import io.openhire.training.TrainingTask;
import io.openhire.training.datasets.Labelled;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a task's tagger is made of, from the library that also reads with it: the features a model is trained on
 * (and their name, which the registry keeps with the version), and its one training function.
 */
sealed interface TaskTagger {

    /** The name of the features, e.g. {@code skill-words-v1}: a model is only read by the features it learned. */
    String features();

    /** What its items are: "sentence" or "resume". */
    String unit();

    /** An item's fingerprint, as the shipped model's training tool wrote them. */
    String fingerprint(Labelled item);

    /** The SHA-256 of the model file the task's library ships. */
    String shippedSha256();

    /** The fingerprints of what the shipped model trained on. */
    java.util.Set<String> shippedTrainedOn();

    /** A labelled sentence or resume as a training example: its words' features and gold tags. */
    CrfTrainer.Example example(Labelled item);

    CrfModel train(
            List<CrfTrainer.Example> examples,
            CrfTrainer.Params params,
            CrfTrainer.Progress progress,
            BooleanSupplier cancelled);

    static TaskTagger of(TrainingTask task, SkillsTaxonomy taxonomy) {
        return switch (task) {
            case SKILL_EXTRACTION -> new Skills(SkillTagger.features(taxonomy));
            case RESUME_FIELDS -> new Resumes(ResumeTagger.features(taxonomy));
        };
    }

    /** The skill tagger of job ads (libs/skills-taxonomy): a sentence's words. */
    record Skills(WordFeatures words) implements TaskTagger {
        @Override
        public String features() {
            return SkillTagger.FEATURES;
        }

        @Override
        public String unit() {
            return "sentence";
        }

        @Override
        public String fingerprint(Labelled item) {
            return SkillTagger.fingerprint(item.sentence().words());
        }

        @Override
        public String shippedSha256() {
            return Sha256.hexOfResource(SkillTagger.class.getClassLoader(), SkillTagger.RESOURCE);
        }

        @Override
        public java.util.Set<String> shippedTrainedOn() {
            return SkillTagger.shippedTrainedOn();
        }

        @Override
        public CrfTrainer.Example example(Labelled item) {
            return new CrfTrainer.Example(
                    words.of(item.sentence().words()), null, item.sentence().tags());
        }

        @Override
        public CrfModel train(
                List<CrfTrainer.Example> examples,
                CrfTrainer.Params params,
                CrfTrainer.Progress progress,
                BooleanSupplier cancelled) {
            return SkillTagger.train(examples, params, progress, cancelled);
        }
    }

    /** The resume tagger (libs/resume-tagger): a whole resume's words with the layout each stands in. */
    record Resumes(WordFeatures words) implements TaskTagger {
        @Override
        public String features() {
            return ResumeTagger.FEATURES;
        }

        @Override
        public String unit() {
            return "resume";
        }

        @Override
        public String fingerprint(Labelled item) {
            return ResumeTagger.fingerprint(item.text());
        }

        @Override
        public String shippedSha256() {
            return Sha256.hexOfResource(ResumeTagger.class.getClassLoader(), ResumeTagger.RESOURCE);
        }

        @Override
        public java.util.Set<String> shippedTrainedOn() {
            return ResumeTagger.shippedTrainedOn();
        }

        @Override
        public CrfTrainer.Example example(Labelled item) {
            ResumeTagger.Tokens tokens = ResumeTagger.tokens(item.text());
            return new CrfTrainer.Example(
                    words.of(tokens.texts(), tokens.layout()),
                    null,
                    item.sentence().tags());
        }

        @Override
        public CrfModel train(
                List<CrfTrainer.Example> examples,
                CrfTrainer.Params params,
                CrfTrainer.Progress progress,
                BooleanSupplier cancelled) {
            return ResumeTagger.train(examples, params, progress, cancelled);
        }
    }
}
