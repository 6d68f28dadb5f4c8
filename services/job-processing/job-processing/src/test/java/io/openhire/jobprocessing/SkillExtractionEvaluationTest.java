package io.openhire.jobprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.evaluation.SkillExtractionEvaluation;
import io.openhire.skills.SkillsTaxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The harness on the shared dev sets (skipped without ../shared/data); the numbers go to the README. */
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
        assertThat(scores.lenientF1()).isGreaterThan(0.2);
    }

    @Test
    void skillSpanHouseDev() throws Exception {
        SkillExtractionEvaluation.Scores scores = run("skillspan/skillspan_house_dev.conll");
        assertThat(scores.lenientF1()).isGreaterThan(0.1);
    }

    @Test
    void greenDev() throws Exception {
        SkillExtractionEvaluation.Scores scores = run("green/dev.conll");
        assertThat(scores.lenientF1()).isGreaterThan(0.1);
    }
}
