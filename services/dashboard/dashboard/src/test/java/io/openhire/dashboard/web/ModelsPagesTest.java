package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.dashboard.TrainingTestData;
import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.identity.client.Colleague;
import io.openhire.identity.client.IdentityApi;
import io.openhire.modelregistry.client.AliasChange;
import io.openhire.modelregistry.client.AliasHistory;
import io.openhire.modelregistry.client.Gate;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelSummary;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.modelregistry.client.UpdateRequest;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.web.ProblemException;
import io.openhire.training.client.DatasetView;
import io.openhire.training.client.StartTraining;
import io.openhire.training.client.TrainingApi;
import io.openhire.training.client.TrainingJobView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Who may change the models everyone shares: a platform operator (a token role next to their role in the
 * organisation) sees promote and roll back and can use them; an organisation's admin reads, and is refused
 * before the registry is asked. (Identity signs in no operator yet, so this is tested here rather than in
 * DashboardIT, which covers the admin's side end to end.)
 */
class ModelsPagesTest {

    final RecordingRegistry registry = new RecordingRegistry();
    final RecordingTraining training = new RecordingTraining();
    final ModelTraining sections = new ModelTraining(training, registry);
    final People people = new People(identity(List.of(new Colleague(OLIVE, "Olive Operator"))));
    final ModelsPages pages = new ModelsPages(registry, sections, people);
    final TrainingPages trainingPages = new TrainingPages(training, sections, registry, people);

    /** Olive, the operator who trained and imported in the test data, is a colleague of the person here. */
    static final UUID OLIVE = UUID.fromString(TrainingTestData.OLIVE.substring("user:".length()));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlatformOperatorSeesTheControlsAndPromotesAndRollsBack() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        assertThat(pages.canChange()).isTrue();

        String html = detail(true);
        // (nothing to roll back to yet: the button says so, disabled)
        assertThat(html)
                .contains("/models/text-embedding/promote", "aria-label=\"Roll back champion: no earlier version\"");
        assertThat(html).doesNotContain("Platform operators manage models");

        pages.promote("text-embedding", 2, "champion", null, new ExtendedModelMap());
        pages.rollback("text-embedding", "champion", "worse on the benchmark", new ExtendedModelMap());
        assertThat(registry.updates)
                .extracting(UpdateRequest::action, UpdateRequest::alias)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PROMOTE", "champion"),
                        org.assertj.core.groups.Tuple.tuple("ROLLBACK", "champion"));
    }

    @Test
    void anAdminReadsTheModelsAndIsRefusedBeforeTheRegistryIsAsked() {
        signIn("ADMIN");
        assertThat(pages.canChange()).isFalse();

        String html = detail(false);
        assertThat(html).contains("Platform operators manage models", "champion", "v1");
        assertThat(html).doesNotContain("/promote").doesNotContain("/rollback");

        assertThatThrownBy(() -> pages.promote("text-embedding", 2, "champion", null, new ExtendedModelMap()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Only a platform operator");
                });
        assertThatThrownBy(() -> pages.rollback("text-embedding", "champion", null, new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class);
        assertThat(registry.updates).isEmpty();
    }

    @Test
    void aPlatformOperatorSeesTheDatasetsAndJobsOfATokenClassificationModelBesideItsVersions() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        String html = render(model, true, "detail", "training");

        // versions: the tagger's features and its span scores
        assertThat(html)
                .contains("id=\"version-3\"", "skill-words-v1", "labels O, B-SKILL, I-SKILL")
                .contains("span F1 0.642 · precision 0.700 · recall 0.593 · lenient F1 0.710")
                .contains("span F1 0.610 · precision 0.650 · recall 0.575 · lenient F1 0.690");
        // the datasets of the model's task (not another task's), with what was read from each
        assertThat(html)
                .contains(">SkillSpan tech train<", ">CONLL<", ">1200<", ">3400<", ">SKILL<", ">CC BY 4.0<")
                .contains(">3f2a9c0d11be<", "title=\"" + TrainingTestData.TRAIN_SHA + "\"")
                .contains("https://github.com/kris927b/SkillSpan", "1 Dec 2026, 09:00 UTC", "by Olive Operator")
                .contains(">SkillSpan tech dev<", ">JSONL<")
                .doesNotContain("Resume sections corpus")
                .doesNotContain("Sections try");
        // the forms: upload (multipart) and train, with every dataset to choose for training and for evaluation
        assertThat(html)
                .contains(
                        "hx-post=\"/models/skill-extraction/training/datasets\"", "hx-encoding=\"multipart/form-data\"")
                .contains("name=\"file\"", "name=\"licence\"", "name=\"source\"", "value=\"JSONL\"")
                .contains("hx-post=\"/models/skill-extraction/training/jobs\"")
                .contains("name=\"datasetIds\" value=\"" + TrainingTestData.TRAIN_SET + "\"")
                .contains("name=\"devDatasetIds\" value=\"" + TrainingTestData.DEV_SET + "\"")
                .contains("name=\"epochs\" type=\"number\" min=\"1\" max=\"50\" required value=\"5\"");
        // the running job: its progress, F1 by epoch, a cancel button, and the list polling while it runs
        assertThat(html)
                .contains(">Running<", "More epochs on tech", "Epoch 3 of 5", "<progress max=\"5\" value=\"3\"")
                .contains("1: 0.412", "2: 0.520", "3: 0.561", ">▁▆█<")
                .contains("hx-post=\"/models/skill-extraction/training/jobs/" + TrainingTestData.RUNNING_JOB
                        + "/cancel\"")
                .contains(
                        "hx-get=\"/models/skill-extraction/training/jobs?watching=" + TrainingTestData.RUNNING_JOB
                                + "\"",
                        "hx-trigger=\"every 2s\"");
        // the finished job: its scores beside the champion's on the same sentences, its version, promote, log
        assertThat(html)
                .contains(
                        ">Succeeded<",
                        "Trained on <span>SkillSpan tech train</span>; evaluated on <span>SkillSpan tech dev</span>")
                .contains("On 300 held-out sentences (trained on 1200)")
                .contains("This job's model", ">0.700<", ">0.593<", ">0.642<", ">0.710<")
                .contains("Champion v2", ">0.650<", ">0.575<", ">0.610<", ">0.690<")
                .contains("on the 300 held-out sentences it never trained on")
                .contains("F1 +0.032 against champion v2.", "Label SKILL (this model)")
                .contains("href=\"/models/skill-extraction#version-3\"", ">version 3<")
                .contains("hx-post=\"/models/skill-extraction/promote\"", "Promote version 3 to champion")
                .contains("Make version 3 the challenger", "Log (4 lines)", "registered as version 3")
                .doesNotContain("/jobs/" + TrainingTestData.SUCCEEDED_JOB + "/cancel");
        assertThat(training.imports).isEmpty();
        assertThat(training.starts).isEmpty();
    }

    @Test
    void theTrainingFormsSendWhatTheOperatorChoseAndTheListStopsPollingWhenNoJobRuns() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ExtendedModelMap imported = new ExtendedModelMap();
        MockMultipartFile file = new MockMultipartFile(
                "file", "C:\\data\\tech-train.conll", "application/octet-stream", "Java B-SKILL\n".getBytes());
        assertThat(trainingPages.importDataset(
                        "skill-extraction", file, " SkillSpan new ", "CONLL", "CC BY 4.0", " ", imported))
                .isEqualTo("model :: training");
        assertThat(training.imports)
                .singleElement()
                .isEqualTo(new RecordingTraining.Import(
                        "tech-train.conll",
                        "Java B-SKILL\n",
                        "SkillSpan new",
                        "CONLL",
                        "skill-extraction",
                        "CC BY 4.0",
                        null));
        assertThat(render(imported, true, "training"))
                .contains("Imported \u201cSkillSpan new\u201d: 1 sentences, 1 spans.");

        ExtendedModelMap started = new ExtendedModelMap();
        assertThat(trainingPages.start(
                        "skill-extraction",
                        List.of(TrainingTestData.TRAIN_SET),
                        List.of(TrainingTestData.DEV_SET),
                        8,
                        " more epochs ",
                        started))
                .isEqualTo("model :: training");
        StartTraining sent = training.starts.getFirst();
        assertThat(sent.task()).isEqualTo("skill-extraction");
        assertThat(sent.datasetIds()).containsExactly(TrainingTestData.TRAIN_SET);
        assertThat(sent.devDatasetIds()).containsExactly(TrainingTestData.DEV_SET);
        assertThat(sent.params().epochs()).isEqualTo(8);
        assertThat(sent.description()).isEqualTo("more epochs");
        assertThat(render(started, true, "training"))
                .contains("Queued training job ")
                .contains(": its progress and result are under Training jobs.");

        // no datasets chosen: said at once, training is not asked
        ExtendedModelMap none = new ExtendedModelMap();
        trainingPages.start("skill-extraction", null, null, 5, null, none);
        assertThat(render(none, true, "training")).contains("Choose at least one dataset to train on.");
        assertThat(training.starts).hasSize(1);

        ExtendedModelMap cancelled = new ExtendedModelMap();
        assertThat(trainingPages.cancel("skill-extraction", TrainingTestData.RUNNING_JOB, cancelled))
                .isEqualTo("model :: jobs");
        assertThat(training.cancels).containsExactly(TrainingTestData.RUNNING_JOB);
        String jobs = render(cancelled, true, "jobs");
        assertThat(jobs).contains("Cancelled: nothing is registered.").doesNotContain("every 2s");
    }

    @Test
    void aFileTrainingRefusesShowsTrainingsSentenceBesideTheFormAsItWasFilledIn() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        training.refuseImports = HttpClientErrorException.create(
                HttpStatus.BAD_REQUEST,
                "Bad Request",
                new HttpHeaders(),
                """
                {"type": "https://openhire.io/problems/invalid-dataset", "title": "Invalid",
                 "status": 400, "detail": "line 6: expected a word and its tag, found <b>one column</b>", "line": 6}""".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        ExtendedModelMap model = new ExtendedModelMap();
        trainingPages.importDataset(
                "skill-extraction",
                new MockMultipartFile("file", "broken.conll", "text/plain", "Java\n".getBytes()),
                "Broken set",
                "CONLL",
                "CC BY 4.0",
                "https://example.org",
                model);
        String html = render(model, true, "training");
        assertThat(html)
                .contains(
                        "id=\"upload-error\"",
                        "line 6: expected a word and its tag, found &lt;b&gt;one column&lt;/b&gt;")
                .contains("value=\"Broken set\"", "value=\"https://example.org\"")
                .doesNotContain("<b>one column</b>");
        // the rest of the section stays
        assertThat(html).contains(">SkillSpan tech train<", "Epoch 3 of 5");
    }

    @Test
    void someoneWhoIsNotAPlatformOperatorSeesNoTrainingAndTrainingIsNeverAsked() {
        signIn("ADMIN");
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        String html = render(model, false, "detail", "training");
        assertThat(html)
                .contains("Platform operators manage models", "skill-words-v1", "span F1 0.642")
                .doesNotContain("Training")
                .doesNotContain("/training")
                .doesNotContain("SkillSpan tech train");

        assertThatThrownBy(() -> trainingPages.jobs("skill-extraction", null, new ExtendedModelMap()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Only a platform operator trains models");
                });
        assertThatThrownBy(() -> trainingPages.importDataset(
                        "skill-extraction",
                        new MockMultipartFile("file", "x.conll", "text/plain", "Java B-SKILL\n".getBytes()),
                        "x",
                        "CONLL",
                        "CC BY 4.0",
                        null,
                        new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> trainingPages.start(
                        "skill-extraction",
                        List.of(TrainingTestData.TRAIN_SET),
                        List.of(),
                        5,
                        null,
                        new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() ->
                        trainingPages.cancel("skill-extraction", TrainingTestData.RUNNING_JOB, new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class);
        assertThat(training.calls).isZero();
    }

    @Test
    void anOperatorOnAModelThatIsNotTrainedHereSeesNoTrainingSection() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("text-embedding", model);
        assertThat(render(model, true, "detail", "training")).doesNotContain("Training");
        assertThat(training.calls).isZero();
    }

    @Test
    void aTrainingServiceThatCannotBeReadLeavesASentenceNotABrokenPage() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        training.unreachable = true;
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        assertThat(render(model, true, "detail", "training"))
                .contains("Training could not be read: The training service could not be reached.")
                .contains("skill-words-v1", "Import a dataset first.");
    }

    @Test
    void aRefusedPromoteOrRollbackIsAMessageAboveTheModelWhichStaysAsItWas() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        registry.refuseMoves = refusal(HttpStatus.CONFLICT, """
                {"type": "https://openhire.io/problems/already-promoted", "title": "Conflict", "status": 409,
                 "detail": "Alias champion of skill-extraction already points at version 2."}""");
        ExtendedModelMap again = new ExtendedModelMap();
        assertThat(pages.promote("skill-extraction", 2, "champion", null, again))
                .isEqualTo("model :: detail-update");
        String html = render(again, true, "detail-update");
        assertThat(html)
                .contains("id=\"model-refused\"", "Alias champion of skill-extraction already points at version 2.")
                .contains("<h2>Aliases</h2>", "<h2>Versions</h2>", "<h2>Alias history</h2>", "id=\"version-3\"")
                // the jobs list comes along out of band, so its promote buttons follow the aliases
                .contains("id=\"training-jobs\"", "hx-swap-oob=\"true\"");

        registry.refuseMoves = refusal(HttpStatus.UNPROCESSABLE_CONTENT, """
                {"type": "https://openhire.io/problems/promotion-gate-failed", "title": "Promotion refused",
                 "status": 422, "detail": "Version 3 of skill-extraction does not pass the promotion gates: span-f1 0.642 is below the champion's 0.650.",
                 "failures": ["span-f1 0.642 is below the champion's 0.650"]}""");
        ExtendedModelMap gated = new ExtendedModelMap();
        pages.promote("skill-extraction", 3, "champion", null, gated);
        assertThat(render(gated, true, "detail"))
                .contains(
                        "does not pass the promotion gates", "<li>span-f1 0.642 is below the champion&#39;s 0.650</li>")
                .contains("<h2>Versions</h2>", "<h2>Alias history</h2>");

        registry.refuseMoves = refusal(HttpStatus.CONFLICT, """
                {"type": "https://openhire.io/problems/nothing-to-roll-back", "title": "Conflict", "status": 409,
                 "detail": "Alias champion of skill-extraction has no earlier version to go back to."}""");
        ExtendedModelMap notBack = new ExtendedModelMap();
        pages.rollback("skill-extraction", "champion", null, notBack);
        assertThat(render(notBack, true, "detail"))
                .contains("has no earlier version to go back to.", "<h2>Aliases</h2>", "<h2>Versions</h2>");

        registry.refuseMoves = null;
        ExtendedModelMap rolledBack = new ExtendedModelMap();
        pages.rollback("text-embedding", "champion", null, rolledBack);
        assertThat(render(rolledBack, true, "detail-update"))
                .contains("Rolled champion back to version 1.")
                .doesNotContain("training-jobs");
    }

    @Test
    void theModelPageSaysItsPromotionGatesInWordsAndWhatATaggersMetricsMean() {
        signIn("ADMIN");
        ExtendedModelMap skills = new ExtendedModelMap();
        pages.model("skill-extraction", skills);
        assertThat(render(skills, false, "detail"))
                .contains("A version becomes champion only if:", "<li>span-f1 at least the champion&#39;s</li>")
                .contains("is the version's strict F1 minus the", "evaluation datasets");

        ExtendedModelMap embedding = new ExtendedModelMap();
        pages.model("text-embedding", embedding);
        assertThat(render(embedding, false, "detail"))
                .contains("No promotion gates: any READY version can become champion.")
                .doesNotContain("span-f1-vs-champion");

        ModelView gated = TrainingTestData.skillExtraction();
        assertThat(ModelsPages.gates(new ModelView(
                        gated.name(),
                        gated.task(),
                        gated.description(),
                        List.of(
                                new Gate("span-f1-vs-champion", 0.0, null),
                                new Gate("p95-latency-ms", null, 40.0),
                                new Gate("ndcg@10", 0.5, 0.99, true)),
                        gated.aliases(),
                        gated.versions(),
                        gated.createdAt(),
                        gated.updatedAt())))
                .containsExactly(
                        "span-f1-vs-champion \u2265 0",
                        "p95-latency-ms \u2264 40",
                        "ndcg@10 between 0.5 and 0.99 and at least the champion's");
    }

    @Test
    void aSucceededJobWithoutAFairComparisonSaysTheGateWillRefuseIt() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        TrainingJobView succeeded = TrainingTestData.succeededJob();
        // held out of its training data, beside a champion whose training data is unknown: nothing fair to register
        io.openhire.training.client.ChampionComparison unknown = new io.openhire.training.client.ChampionComparison(
                2,
                300,
                0,
                false,
                succeeded.comparison().version(),
                succeeded.comparison().champion());
        training.jobs =
                List.of(withComparison(job(succeeded, TrainingJobView.Status.SUCCEEDED, List.of(), 3), unknown));
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        assertThat(render(model, true, "training"))
                .contains("No fair comparison with the champion was registered, so a promotion gate on"
                        + " span-f1-vs-champion refuses this version")
                .contains("(its training data is unknown: all compared)");

        training.jobs = List.of(succeeded); // evaluated on the dev set, beside the shipped champion
        ExtendedModelMap evaluated = new ExtendedModelMap();
        pages.model("skill-extraction", evaluated);
        assertThat(render(evaluated, true, "training")).doesNotContain("No fair comparison");
    }

    static TrainingJobView withComparison(TrainingJobView job, io.openhire.training.client.ChampionComparison c) {
        return new TrainingJobView(
                job.id(),
                job.task(),
                job.status(),
                job.description(),
                job.datasetIds(),
                job.devDatasetIds(),
                job.params(),
                job.epoch(),
                job.progress(),
                job.evaluation(),
                c,
                job.modelName(),
                job.modelVersion(),
                job.error(),
                job.log(),
                job.attempts(),
                job.createdBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.retrainReason(),
                job.retrainRequestedAt());
    }

    @Test
    void aJobWhoseTrainingDataLostAPersonSaysItsModelIsToBeTrainedAgain() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        TrainingJobView succeeded = TrainingTestData.succeededJob();
        training.jobs = List.of(new TrainingJobView(
                succeeded.id(),
                succeeded.task(),
                succeeded.status(),
                succeeded.description(),
                succeeded.datasetIds(),
                succeeded.devDatasetIds(),
                succeeded.params(),
                succeeded.epoch(),
                succeeded.progress(),
                succeeded.evaluation(),
                succeeded.comparison(),
                succeeded.modelName(),
                succeeded.modelVersion(),
                succeeded.error(),
                succeeded.log(),
                succeeded.attempts(),
                succeeded.createdBy(),
                succeeded.createdAt(),
                succeeded.startedAt(),
                succeeded.finishedAt(),
                "personal data was erased from its dataset 'SkillSpan tech train'",
                TrainingTestData.DAY));
        DatasetView train = TrainingTestData.trainSet();
        training.datasets = List.of(new DatasetView(
                train.id(),
                train.name(),
                train.task(),
                train.format(),
                train.sha256(),
                train.sizeBytes(),
                train.sentences() - 2,
                train.spans(),
                train.labels(),
                train.licence(),
                train.source(),
                train.createdBy(),
                train.createdAt(),
                2,
                TrainingTestData.DAY));
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        assertThat(render(model, true, "detail", "training"))
                .contains("Retrain:", "personal data was erased from its dataset &#39;SkillSpan tech train&#39;")
                .contains("Version " + succeeded.modelVersion() + " may still hold it")
                .contains("Data-subject requests erased 2 of its");
    }

    @Test
    void whenAWatchedJobSucceedsThePolledListBringsTheVersionsAlongAndTheQueuedNoteGoes() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        // started: said neutrally; the card says it waits while it does
        UUID queued = UUID.fromString("b0b00000-0000-4000-8000-000000000009");
        training.jobs = List.of(TrainingTestData.queued(queued, List.of(TrainingTestData.TRAIN_SET), List.of(), null));
        ExtendedModelMap started = new ExtendedModelMap();
        trainingPages.start("skill-extraction", List.of(TrainingTestData.TRAIN_SET), List.of(), 5, null, started);
        assertThat(render(started, true, "training"))
                .containsPattern("Queued training job [0-9a-f]{8}: its progress and result are under Training jobs\\.")
                .contains("Queued: it starts when no other job is running.")
                .doesNotContain("is queued");

        // polled while it runs: no note, no versions
        training.jobs = List.of(job(training.jobs.getFirst(), TrainingJobView.Status.RUNNING, List.of(), null));
        ExtendedModelMap running = new ExtendedModelMap();
        assertThat(trainingPages.jobs("skill-extraction", List.of(queued), running))
                .isEqualTo("model :: jobs-update");
        String whileRunning = render(running, true, "jobs-update");
        assertThat(whileRunning)
                .startsWith("<div id=\"training-jobs\"")
                .contains("watching=" + queued, "every 2s")
                .doesNotContain("Queued: it starts")
                .doesNotContain("id=\"model-detail\"");

        // it succeeded and registered version 3: the Versions part comes along, and polling stops
        training.jobs = List.of(job(training.jobs.getFirst(), TrainingJobView.Status.SUCCEEDED, List.of(), 3));
        ExtendedModelMap done = new ExtendedModelMap();
        trainingPages.jobs("skill-extraction", List.of(queued), done);
        String afterwards = render(done, true, "jobs-update");
        assertThat(afterwards)
                .contains("<div id=\"model-detail\" hx-swap-oob=\"true\">", "id=\"version-3\"", "<h2>Versions</h2>")
                .contains("Promote version 3 to champion")
                .doesNotContain("every 2s")
                .doesNotContain("Queued: it starts");

        // a list that was not watching that job (the page's first render, a cancel) brings nothing else
        ExtendedModelMap unwatched = new ExtendedModelMap();
        trainingPages.jobs("skill-extraction", null, unwatched);
        assertThat(render(unwatched, true, "jobs-update")).doesNotContain("id=\"model-detail\"");
    }

    @Test
    void aFinishedJobOffersOnlyThePromotionsNotMadeAndRollBackOnlyWhereThereIsAVersionToGoBackTo() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ModelView skills = TrainingTestData.skillExtraction();
        registry.others.put(
                "skill-extraction",
                new ModelView(
                        skills.name(),
                        skills.task(),
                        skills.description(),
                        skills.promotionGates(),
                        Map.of(
                                "champion",
                                new ModelView.Alias("champion", 3, TrainingTestData.OLIVE, TrainingTestData.DAY)),
                        skills.versions(),
                        skills.createdAt(),
                        skills.updatedAt()));
        registry.otherHistories.put(
                "skill-extraction",
                List.of(
                        new AliasChange(
                                2,
                                "skill-extraction",
                                "champion",
                                3,
                                2,
                                "PROMOTE",
                                TrainingTestData.OLIVE,
                                "better",
                                TrainingTestData.DAY),
                        TrainingTestData.skillExtractionHistory().changes().getFirst()));
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        String html = render(model, true, "detail", "training");
        assertThat(html)
                .contains("Version 3 is the champion.", "Make version 3 the challenger")
                .doesNotContain("Promote version 3 to champion")
                .contains("Roll back to v2", "aria-label=\"Roll back champion to version 2\"");

        // the first start's champion has nowhere to go back to: the button is there, disabled, and says why
        ExtendedModelMap embedding = new ExtendedModelMap();
        pages.model("text-embedding", embedding);
        assertThat(render(embedding, true, "detail"))
                .contains("disabled", "The alias history has no earlier version of this alias to go back to.")
                .doesNotContain("hx-post=\"/models/text-embedding/rollback\"");
        assertThat(ModelsPages.rollbackTargets(
                        TrainingTestData.skillExtraction(),
                        List.of(
                                new AliasChange(
                                        3, "m", "champion", 2, 3, "ROLLBACK", "system", null, TrainingTestData.DAY),
                                new AliasChange(
                                        2, "m", "champion", 3, 2, "PROMOTE", "system", null, TrainingTestData.DAY),
                                new AliasChange(
                                        1, "m", "champion", 2, 1, "PROMOTE", "system", null, TrainingTestData.DAY))))
                .containsEntry("champion", 1);
    }

    @Test
    void peopleAreNamedNotShownAsIds() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ModelView skills = TrainingTestData.skillExtraction();
        String stranger = "user:" + UUID.randomUUID();
        registry.others.put(
                "skill-extraction",
                new ModelView(
                        skills.name(),
                        skills.task(),
                        skills.description(),
                        skills.promotionGates(),
                        Map.of(
                                "champion",
                                new ModelView.Alias("champion", 2, "system", TrainingTestData.DAY),
                                "challenger",
                                new ModelView.Alias("challenger", 3, stranger, TrainingTestData.DAY)),
                        skills.versions(),
                        skills.createdAt(),
                        skills.updatedAt()));
        registry.otherHistories.put(
                "skill-extraction",
                List.of(
                        new AliasChange(
                                2,
                                "skill-extraction",
                                "challenger",
                                3,
                                null,
                                "PROMOTE",
                                "service:training",
                                "trained",
                                TrainingTestData.DAY),
                        TrainingTestData.skillExtractionHistory().changes().getFirst()));
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        String html = render(model, true, "detail", "training");
        assertThat(html)
                .contains(">OpenHire (first start)<", ">a platform operator<", ">training service<")
                .contains("by Olive Operator", "queued by Olive Operator")
                .doesNotContain("user:");

        // the signed-in person is "you"
        SignedInUser me = PageModel.signedIn();
        assertThat(people.names().of("user:" + me.getName())).isEqualTo("you");
    }

    @Test
    void aValidationProblemIsSaidWithTheFormsLabels() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        training.refuseStarts = refusal(HttpStatus.BAD_REQUEST, """
                {"type": "https://openhire.io/problems/validation", "title": "Invalid request", "status": 400,
                 "detail": "The request has 2 invalid field(s).",
                 "errors": [{"field": "devDatasetIds", "message": "a dataset is trained on or held out for evaluation, not both"},
                            {"field": "params.epochs", "message": "must be from 1 to 50"}]}""");
        ExtendedModelMap model = new ExtendedModelMap();
        trainingPages.start(
                "skill-extraction",
                List.of(TrainingTestData.TRAIN_SET),
                List.of(TrainingTestData.TRAIN_SET),
                99,
                null,
                model);
        assertThat(render(model, true, "training"))
                .contains("Evaluation datasets: a dataset is trained on or held out for evaluation, not both.")
                .contains("Epochs: must be from 1 to 50.")
                .doesNotContain("devDatasetIds:")
                .doesNotContain("invalid field(s)");

        training.refuseImports = refusal(HttpStatus.BAD_REQUEST, """
                {"title": "Invalid request", "status": 400, "detail": "The request has 1 invalid field(s).",
                 "errors": [{"field": "licence", "message": "must not be blank"}]}""");
        ExtendedModelMap imported = new ExtendedModelMap();
        trainingPages.importDataset(
                "skill-extraction",
                new MockMultipartFile("file", "x.conll", "text/plain", "Java B-SKILL\n".getBytes()),
                "x",
                "CONLL",
                "-",
                null,
                imported);
        assertThat(render(imported, true, "training")).contains("Licence: must not be blank.");
    }

    @Test
    void theFormsGiveHintsNotValuesAndSayWhatTheFormatsAndLimitsAre() throws Exception {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("skill-extraction", model);
        String html = render(model, true, "training");
        assertThat(html)
                .contains("placeholder=\"e.g. SkillSpan tech train\"", "placeholder=\"e.g. CC BY 4.0\"")
                .contains("File (up to 10 MB here)", "up to 32 MB", "<code>POST /api/v1/train/data</code>")
                .contains("when they overlap on a word, the first column&#39;s span is kept")
                .contains("<ul class=\"log-lines\">")
                .doesNotContain("<ol class=\"log-lines\">")
                .contains("Epochs (passes over the training sentences)");

        training.datasets = List.of();
        ExtendedModelMap empty = new ExtendedModelMap();
        pages.model("skill-extraction", empty);
        assertThat(render(empty, true, "training"))
                .contains(
                        "<button type=\"submit\" class=\"primary\" disabled=\"disabled\">Train a new version</button>");
        try (var css = getClass().getResourceAsStream("/openhire/dashboard/static/assets/dashboard.css")) {
            assertThat(new String(css.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("button:disabled")
                    .contains("cursor: not-allowed");
        }
    }

    @Test
    void theResumeTaggerIsTrainedFromAnnotatedResumes() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        ModelView skills = TrainingTestData.skillExtraction();
        registry.others.put(
                "resume-fields",
                new ModelView(
                        "resume-fields",
                        "token-classification",
                        "Fields of a resume",
                        List.of(new Gate("span-f1-vs-champion", 0.0, null)),
                        Map.of("champion", new ModelView.Alias("champion", 1, "system", TrainingTestData.DAY)),
                        List.of(),
                        skills.createdAt(),
                        skills.updatedAt()));
        registry.otherHistories.put("resume-fields", List.of());
        UUID resumes = UUID.fromString("7a1e0000-0000-4000-8000-000000000004");
        training.datasets = List.of(
                TrainingTestData.trainSet(),
                new DatasetView(
                        resumes,
                        "dotin-inc resumes",
                        "resume-fields",
                        "ANNOTATED_XML",
                        "b".repeat(64),
                        3_000_000,
                        220,
                        5100,
                        List.of("Designation", "Skills"),
                        "MIT",
                        null,
                        TrainingTestData.OLIVE,
                        TrainingTestData.DAY,
                        0,
                        null));
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("resume-fields", model);
        String html = render(model, true, "detail", "training");
        assertThat(html)
                .contains("<h2 id=\"training-title\">Training</h2>", ">dotin-inc resumes<", ">ANNOTATED_XML<")
                .contains("<li>span-f1-vs-champion \u2265 0</li>")
                .contains("value=\"ANNOTATED_XML\"", "&lt;label type=&quot;Designation&quot;&gt;")
                .contains("Epochs (passes over the training resumes)", "(220 resumes)")
                .doesNotContain("value=\"CONLL\"")
                .doesNotContain("value=\"JSONL\"")
                .doesNotContain("SkillSpan tech train");

        // the form's format is the task's: sent as such; a skill format is refused before training is asked
        ExtendedModelMap imported = new ExtendedModelMap();
        trainingPages.importDataset(
                "resume-fields",
                new MockMultipartFile("file", "resumes.zip", "application/zip", "PK".getBytes()),
                "More resumes",
                null,
                "MIT",
                null,
                imported);
        assertThat(training.imports)
                .singleElement()
                .extracting(RecordingTraining.Import::format, RecordingTraining.Import::task)
                .containsExactly("ANNOTATED_XML", "resume-fields");
        ExtendedModelMap wrong = new ExtendedModelMap();
        trainingPages.importDataset(
                "resume-fields",
                new MockMultipartFile("file", "x.conll", "text/plain", "Java B-SKILL\n".getBytes()),
                "x",
                "CONLL",
                "MIT",
                null,
                wrong);
        assertThat(render(wrong, true, "training")).contains("Choose the file&#39;s format: Annotated resumes.");
        assertThat(training.imports).hasSize(1);
    }

    /** A job as training would answer it later: another status, evaluation datasets, registered version. */
    static TrainingJobView job(TrainingJobView job, TrainingJobView.Status status, List<UUID> dev, Integer registered) {
        return new TrainingJobView(
                job.id(),
                job.task(),
                status,
                job.description(),
                job.datasetIds(),
                dev,
                job.params(),
                job.epoch(),
                job.progress(),
                job.evaluation(),
                job.comparison(),
                job.modelName(),
                registered,
                job.error(),
                job.log(),
                job.attempts(),
                job.createdBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                null,
                null);
    }

    static HttpClientErrorException refusal(HttpStatus status, String problem) {
        return HttpClientErrorException.create(
                status,
                status.getReasonPhrase(),
                new HttpHeaders(),
                problem.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }

    /** identity as the pages see it: the organisation's staff, for names; nothing else is asked. */
    static IdentityApi identity(List<Colleague> colleagues) {
        return (IdentityApi) java.lang.reflect.Proxy.newProxyInstance(
                IdentityApi.class.getClassLoader(), new Class<?>[] {IdentityApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("colleagues")) {
                        return colleagues;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static void signIn(String... roles) {
        Jwt token = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(UUID.randomUUID().toString())
                .claim("org", UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .expiresAt(Instant.now().plusSeconds(600))
                .build();
        SignedInUser user = new SignedInUser(
                token,
                Arrays.stream(roles)
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList(),
                "refresh",
                "Olga Operator",
                "Pages Ltd");
        SecurityContextHolder.getContext().setAuthentication(user);
    }

    /** The model page's detail part, rendered from the real template as the controller's model leaves it. */
    String detail(boolean canChange) {
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("text-embedding", model);
        return render(model, canChange, "detail");
    }

    /** Parts of the model page (fragments of model.html), rendered from the real template with this model. */
    static String render(org.springframework.ui.Model model, boolean canChange, String... fragments) {
        return Templates.render("model", "/models/text-embedding", model, Map.of("canChange", canChange), fragments);
    }

    /** model-registry as the dashboard sees it: one model with a champion, and the alias moves it was sent. */
    static final class RecordingRegistry implements ModelRegistryApi {

        static final Instant FIRST_START = Instant.parse("2026-11-22T10:00:00Z");

        final List<UpdateRequest> updates = new ArrayList<>();
        /** What the registry answers every alias move instead, when set (a refusal). */
        RuntimeException refuseMoves;
        /** Other models (and their histories) by name. */
        final Map<String, ModelView> others = new java.util.HashMap<>();

        final Map<String, List<AliasChange>> otherHistories = new java.util.HashMap<>();

        @Override
        public List<ModelSummary> models() {
            return List.of(new ModelSummary(
                    "text-embedding", "text-embedding", "Sentence embeddings", Map.of("champion", 1), 2));
        }

        @Override
        public ModelView model(String name) {
            if (others.containsKey(name)) {
                return others.get(name);
            }
            if (TrainingTestData.MODEL.equals(name)) {
                return TrainingTestData.skillExtraction();
            }
            return new ModelView(
                    "text-embedding",
                    "text-embedding",
                    "Sentence embeddings",
                    List.of(),
                    Map.of("champion", new ModelView.Alias("champion", 1, "system", FIRST_START)),
                    List.of(version(2, List.of()), version(1, List.of("champion"))),
                    FIRST_START,
                    FIRST_START);
        }

        @Override
        public AliasHistory history(String name, int limit) {
            if (otherHistories.containsKey(name)) {
                return new AliasHistory(name, null, null, null, otherHistories.get(name));
            }
            if (TrainingTestData.MODEL.equals(name)) {
                return TrainingTestData.skillExtractionHistory();
            }
            return new AliasHistory(
                    name,
                    null,
                    null,
                    null,
                    List.of(new AliasChange(
                            1, name, "champion", 1, null, "PROMOTE", "system", "first start", FIRST_START)));
        }

        @Override
        public byte[] artifact(String name, int version) {
            throw new UnsupportedOperationException("the pages never download artifacts");
        }

        @Override
        public VersionView register(RegisterVersion metadata, org.springframework.core.io.Resource artifact) {
            throw new UnsupportedOperationException("the pages never register versions");
        }

        @Override
        public AliasChange moveAlias(UpdateRequest request) {
            updates.add(request);
            if (refuseMoves != null) {
                throw refuseMoves;
            }
            boolean back = "ROLLBACK".equals(request.action());
            return new AliasChange(
                    2,
                    request.name(),
                    request.alias(),
                    back ? 1 : 2,
                    back ? 2 : 1,
                    request.action(),
                    "user:olga",
                    request.reason(),
                    FIRST_START);
        }

        private static VersionView version(int version, List<String> aliases) {
            return new VersionView(
                    "text-embedding",
                    version,
                    VersionView.Status.READY,
                    null,
                    "onnx",
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    Map.of(),
                    null,
                    null,
                    aliases,
                    "system",
                    FIRST_START.plus(java.time.Duration.ofDays(version - 1)));
        }
    }

    /** training as the dashboard sees it: the test data's datasets and jobs, and what it was sent. */
    static final class RecordingTraining implements TrainingApi {

        record Import(
                String fileName,
                String content,
                String name,
                String format,
                String task,
                String licence,
                String source) {}

        final List<Import> imports = new ArrayList<>();
        final List<StartTraining> starts = new ArrayList<>();
        final List<UUID> cancels = new ArrayList<>();
        int calls;
        HttpClientErrorException refuseImports;
        HttpClientErrorException refuseStarts;
        boolean unreachable;
        /** What training has instead of the test data, when set. */
        List<DatasetView> datasets;

        List<TrainingJobView> jobs;

        private void called() {
            calls++;
            if (unreachable) {
                throw new org.springframework.web.client.ResourceAccessException("Connection refused");
            }
        }

        @Override
        public List<DatasetView> datasets() {
            called();
            return datasets != null ? datasets : TrainingTestData.datasets();
        }

        @Override
        public DatasetView importDataset(
                Resource file, String name, String format, String task, String licence, String source) {
            called();
            try {
                imports.add(new Import(
                        file.getFilename(),
                        file.getContentAsString(StandardCharsets.UTF_8),
                        name,
                        format,
                        task,
                        licence,
                        source));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (refuseImports != null) {
                throw refuseImports;
            }
            DatasetView train = TrainingTestData.trainSet();
            return new DatasetView(
                    UUID.randomUUID(),
                    name,
                    task,
                    format,
                    "e".repeat(64),
                    12,
                    1,
                    1,
                    List.of("SKILL"),
                    licence,
                    source,
                    train.createdBy(),
                    train.createdAt(),
                    0,
                    null);
        }

        @Override
        public TrainingJobView start(StartTraining request) {
            called();
            starts.add(request);
            if (refuseStarts != null) {
                throw refuseStarts;
            }
            return TrainingTestData.queued(
                    UUID.randomUUID(), request.datasetIds(), request.devDatasetIds(), request.description());
        }

        @Override
        public List<TrainingJobView> jobs() {
            called();
            if (jobs != null) {
                return jobs;
            }
            // once cancelled, the running job is over: nothing runs
            return cancels.isEmpty()
                    ? TrainingTestData.jobs()
                    : List.of(TrainingTestData.succeededJob(), TrainingTestData.otherTaskJob());
        }

        @Override
        public TrainingJobView job(UUID id) {
            called();
            return TrainingTestData.jobs().stream()
                    .filter(job -> job.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public TrainingJobView cancel(UUID id) {
            called();
            cancels.add(id);
            TrainingJobView running = TrainingTestData.runningJob();
            return new TrainingJobView(
                    running.id(),
                    running.task(),
                    TrainingJobView.Status.CANCELLED,
                    running.description(),
                    running.datasetIds(),
                    running.devDatasetIds(),
                    running.params(),
                    running.epoch(),
                    running.progress(),
                    null,
                    null,
                    running.modelName(),
                    null,
                    null,
                    running.log(),
                    running.attempts(),
                    running.createdBy(),
                    running.createdAt(),
                    running.startedAt(),
                    running.finishedAt(),
                    null,
                    null);
        }
    }
}
