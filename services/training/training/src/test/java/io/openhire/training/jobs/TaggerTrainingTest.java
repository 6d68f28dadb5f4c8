package io.openhire.training.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.TaggedSentence;
import io.openhire.training.TrainingTask;
import io.openhire.training.client.TrainingParams;
import io.openhire.training.datasets.Labelled;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A new version is compared with the champion only on held-out sentences the champion never trained on. */
class TaggerTrainingTest {

    static final SkillsTaxonomy TAXONOMY = SkillsTaxonomy.load();

    static Labelled sentence(String tool) {
        return new Labelled(
                new TaggedSentence(List.of("We", "use", tool, "daily"), List.of("O", "O", "B-Skill", "O"), 1), null);
    }

    @Test
    void theChampionIsComparedOnlyOnHeldOutSentencesItNeverTrainedOn() {
        List<Labelled> train = new ArrayList<>();
        for (String tool : List.of("Java", "Python", "Excel", "Jira", "Figma", "SQL", "Go", "Rust", "Kafka", "Spark")) {
            train.add(sentence(tool));
        }
        List<Labelled> dev = List.of(sentence("Docker"), sentence("Terraform"), sentence("React"));
        TaskTagger tagger = TaskTagger.of(TrainingTask.SKILL_EXTRACTION, TAXONOMY);
        TrainingParams params = new TrainingParams(2, 0.1, 1e-5, 42L, 0.1);
        TaggerTraining training = TaggerTraining.of(tagger, train, dev, params);
        CrfModel version = training.run(params, progress -> {}, () -> false);
        CrfModel champion = SkillTagger.load(TAXONOMY).model();

        // The champion trained on the Docker sentence: it is left out; the other two are compared.
        Set<String> championTrainedOn = Set.of(tagger.fingerprint(sentence("Docker")));
        TaggerTraining.Compared compared = training.compare(version, champion, championTrainedOn);
        assertThat(compared.items()).isEqualTo(2);
        assertThat(compared.left()).isEqualTo(1);
        // Its training data unknown: all three are compared.
        assertThat(training.compare(version, champion, null).items()).isEqualTo(3);
        // It trained on all of them: no fair comparison.
        Set<String> all =
                Set.of(tagger.fingerprint(dev.get(0)), tagger.fingerprint(dev.get(1)), tagger.fingerprint(dev.get(2)));
        assertThat(training.compare(version, champion, all)).isNull();
    }

    @Test
    void theShippedTaggersFingerprintsAreTheirTrainingData() {
        TaskTagger skills = TaskTagger.of(TrainingTask.SKILL_EXTRACTION, TAXONOMY);
        TaskTagger resumes = TaskTagger.of(TrainingTask.RESUME_FIELDS, TAXONOMY);
        // SkillSpan's 4,801 train sentences (3,953 distinct), the 310 annotated resumes (309 distinct)
        assertThat(skills.shippedTrainedOn()).hasSize(3953);
        assertThat(resumes.shippedTrainedOn()).hasSize(309);
        assertThat(skills.shippedSha256()).hasSize(64).isNotEqualTo(resumes.shippedSha256());
    }
}
