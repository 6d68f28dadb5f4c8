package io.openhire.jobprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.evaluation.SkillExtractionEvaluation;
import io.openhire.skills.SkillsTaxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped extractor (learned tagger + taxonomy) on the shared dev sets, which its tagger never trained
 * on (skipped without ../shared/data); the numbers go to the README. The floors sit just under what was
 * measured (2026-12-05): a retrained model that is worse fails here.
 */
class SkillExtractionEvaluationTest {

    static final Path DATA = Path.of("../../../../shared/data/skill-extraction");
    static final SkillExtractor EXTRACTOR = new SkillExtractor(SkillsTaxonomy.load());

    SkillExtractionEvaluation.Scores run(String file) throws Exception {
        Path conll = DATA.resolve(file);
        assumeTrue(Files.isRegularFile(conll), "../shared/data/skill-extraction is absent: " + file + " not evaluated");
        SkillExtractionEvaluation.Scores scores = SkillExtractionEvaluation.evaluate(EXTRACTOR, conll);
        System.out.println(scores.line(file));
        return scores;
    }

    @Test
    void skillSpanTechDev() throws Exception {
        SkillExtractionEvaluation.Scores scores = run("skillspan/skillspan_tech_dev.conll");
        assertThat(scores.gold()).isGreaterThan(1000);
        assertThat(scores.f1()).as("strict F1").isGreaterThan(0.44);
        assertThat(scores.precision()).as("strict precision").isGreaterThan(0.52);
        assertThat(scores.lenientF1()).isGreaterThan(0.65);
    }

    @Test
    void skillSpanHouseDev() throws Exception {
        SkillExtractionEvaluation.Scores scores = run("skillspan/skillspan_house_dev.conll");
        assertThat(scores.f1()).as("strict F1").isGreaterThan(0.30);
        assertThat(scores.precision()).as("strict precision").isGreaterThan(0.42);
        assertThat(scores.lenientF1()).isGreaterThan(0.52);
    }

    @Test
    void greenDev() throws Exception {
        SkillExtractionEvaluation.Scores scores = run("green/dev.conll");
        assertThat(scores.f1()).as("strict F1").isGreaterThan(0.16);
        assertThat(scores.lenientF1()).isGreaterThan(0.46);
    }
}
