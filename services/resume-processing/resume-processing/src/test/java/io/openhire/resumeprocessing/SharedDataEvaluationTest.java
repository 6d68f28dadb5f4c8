package io.openhire.resumeprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.resumeprocessing.evaluation.ParserEvaluation;
import io.openhire.resumeprocessing.evaluation.ResumeTaggerTraining;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import io.openhire.resumetagger.AnnotatedResume;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser on resumes other people wrote (../shared/data, absent from a user's clone: then skipped).
 * Floors, not targets: they catch a change that makes the parser clearly worse. The measured numbers
 * are in bench/README.md.
 */
class SharedDataEvaluationTest {

    static final Path DATA = Path.of("../../../../shared/data/resumes");
    final SkillsTaxonomy taxonomy = SkillsTaxonomy.load();
    final ResumeParser parser = new ResumeParser(taxonomy, "IN", Clock.systemUTC());

    /**
     * 5-fold cross-validation: the shipped tagger trained on all 310 resumes, so each fold is parsed with
     * a tagger trained on the other four (the same training the shipped one had). Floors just under what
     * was measured on 2026-12-05 (parser 2.2.0).
     */
    @Test
    void labelledResumesKeepTheirAccuracy() throws Exception {
        Path gold = DATA.resolve("annotated-xml");
        assumeTrue(Files.isDirectory(gold), "../shared/data/resumes/annotated-xml is absent: not evaluated");
        ParserEvaluation.Result result = ParserEvaluation.crossValidated(gold, taxonomy, 5);
        System.out.print(result.table());
        assertThat(result.resumes()).isEqualTo(310);
        assertThat(result.f1("Email")).isGreaterThan(0.9);
        assertThat(result.f1("Name")).isGreaterThan(0.88);
        assertThat(result.f1("Location")).isGreaterThan(0.68);
        assertThat(result.f1("Designation")).isGreaterThan(0.62);
        assertThat(result.f1("Companies worked at")).isGreaterThan(0.46);
        assertThat(result.f1("Degree")).isGreaterThan(0.67);
        assertThat(result.f1("College Name")).isGreaterThan(0.66);
        assertThat(result.f1("Graduation Year")).isGreaterThan(0.62);
        assertThat(result.f1("Skills")).isGreaterThan(0.52);
    }

    @Test
    void theShippedTaggerIsExactlyWhatTrainingOnTheLabelledResumesWrites() throws Exception {
        Path gold = DATA.resolve("annotated-xml");
        assumeTrue(Files.isDirectory(gold), "../shared/data/resumes/annotated-xml is absent: not trained");
        List<AnnotatedResume> resumes = AnnotatedResume.readAll(gold);
        CrfModel trained = ResumeTaggerTraining.train(
                ResumeTaggerTraining.examples(resumes, ResumeTagger.features(taxonomy)), (e, l, m) -> {});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.write(bytes);
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(ResumeTagger.RESOURCE)) {
            assertThat(shipped).isNotNull();
            assertThat(bytes.toByteArray())
                    .as("retrain with bench/resume-tagger-train.sh after changing features or parameters")
                    .isEqualTo(shipped.readAllBytes());
        }
        // and it ships the fingerprints of exactly those resumes (a new version is compared on others)
        java.util.Set<String> fingerprints = new java.util.HashSet<>();
        resumes.forEach(r -> fingerprints.add(ResumeTagger.fingerprint(r.text())));
        assertThat(ResumeTagger.shippedTrainedOn()).isEqualTo(fingerprints);
    }

    @Test
    void everyRealPdfGivesTextAndAProfile() throws Exception {
        Path pdfs = DATA.resolve("pdf");
        assumeTrue(Files.isDirectory(pdfs), "../shared/data/resumes/pdf is absent: not evaluated");
        String report = ParserEvaluation.pdfs(pdfs, parser, 1);
        System.out.print(report);
        assertThat(report).startsWith("24 PDFs: 24 with text (100.0%), 0 without");
    }
}
