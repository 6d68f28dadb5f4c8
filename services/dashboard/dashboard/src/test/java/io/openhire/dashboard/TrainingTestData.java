package io.openhire.dashboard;

import io.openhire.modelregistry.client.AliasChange;
import io.openhire.modelregistry.client.AliasHistory;
import io.openhire.modelregistry.client.Gate;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.Signature;
import io.openhire.modelregistry.client.TaggerConfig;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.training.client.ChampionComparison;
import io.openhire.training.client.DatasetView;
import io.openhire.training.client.EpochProgress;
import io.openhire.training.client.Evaluation;
import io.openhire.training.client.SpanMetrics;
import io.openhire.training.client.TrainingJobView;
import io.openhire.training.client.TrainingParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A skill-extraction model with a champion and a trained challenger, and training's datasets and jobs for it
 * (and one of another task, which its page must not show): what model-registry and training answer, as
 * records for the page tests' doubles and as the JSON the services write for the stand-ins.
 */
public final class TrainingTestData {

    public static final String MODEL = "skill-extraction";
    public static final Instant DAY = Instant.parse("2026-12-01T09:00:00Z");

    public static final UUID TRAIN_SET = UUID.fromString("7a1e0000-0000-4000-8000-000000000001");
    public static final UUID DEV_SET = UUID.fromString("7a1e0000-0000-4000-8000-000000000002");
    public static final UUID OTHER_TASK_SET = UUID.fromString("7a1e0000-0000-4000-8000-000000000003");
    public static final UUID RUNNING_JOB = UUID.fromString("b0b00000-0000-4000-8000-000000000001");
    public static final UUID SUCCEEDED_JOB = UUID.fromString("b0b00000-0000-4000-8000-000000000002");
    public static final UUID OTHER_TASK_JOB = UUID.fromString("b0b00000-0000-4000-8000-000000000003");

    /** The platform operator who imported the datasets and started the jobs. */
    public static final String OLIVE = "user:01fe0000-0000-4000-8000-00000000011e";

    public static final String TRAIN_SHA = "3f2a9c0d11be" + "7".repeat(52);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TrainingTestData() {}

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static DatasetView trainSet() {
        return new DatasetView(
                TRAIN_SET,
                "SkillSpan tech train",
                MODEL,
                "CONLL",
                TRAIN_SHA,
                912_000,
                1200,
                3400,
                List.of("SKILL"),
                "CC BY 4.0",
                "https://github.com/kris927b/SkillSpan",
                OLIVE,
                DAY,
                0,
                null);
    }

    public static DatasetView devSet() {
        return new DatasetView(
                DEV_SET,
                "SkillSpan tech dev",
                MODEL,
                "JSONL",
                "9c0ffee0" + "1".repeat(56),
                240_000,
                300,
                800,
                List.of("SKILL"),
                "CC BY 4.0",
                null,
                OLIVE,
                DAY.minusSeconds(3600),
                0,
                null);
    }

    /** A dataset of another task: never on the skill-extraction page. */
    public static DatasetView otherTaskSet() {
        return new DatasetView(
                OTHER_TASK_SET,
                "Resume sections corpus",
                "resume-sections",
                "CONLL",
                "a".repeat(64),
                1000,
                10,
                20,
                List.of("SECTION"),
                "proprietary",
                null,
                OLIVE,
                DAY,
                0,
                null);
    }

    public static List<DatasetView> datasets() {
        return List.of(trainSet(), devSet(), otherTaskSet());
    }

    static final TrainingParams PARAMS = new TrainingParams(5, 0.1, 1e-5, 42L, 0.1);

    /** Epoch 3 of 5: running, not evaluated yet. */
    public static TrainingJobView runningJob() {
        return new TrainingJobView(
                RUNNING_JOB,
                MODEL,
                TrainingJobView.Status.RUNNING,
                "More epochs on tech",
                List.of(TRAIN_SET),
                List.of(),
                PARAMS,
                3,
                List.of(
                        new EpochProgress(1, 12.3, 0.412),
                        new EpochProgress(2, 8.1, 0.520),
                        new EpochProgress(3, 6.0, 0.561)),
                null,
                null,
                MODEL,
                null,
                null,
                List.of("2026-12-02 10:00:00 queued by " + OLIVE, "2026-12-02 10:00:02 started (attempt 1)"),
                1,
                OLIVE,
                DAY.plusSeconds(86_400),
                DAY.plusSeconds(86_402),
                null,
                null,
                null);
    }

    /** Trained on the train set, scored on the dev set beside champion v2, registered as version 3. */
    public static TrainingJobView succeededJob() {
        SpanMetrics trained = new SpanMetrics(800, 678, 0.700, 0.593, 0.642, 0.710);
        return new TrainingJobView(
                SUCCEEDED_JOB,
                MODEL,
                TrainingJobView.Status.SUCCEEDED,
                null,
                List.of(TRAIN_SET),
                List.of(DEV_SET),
                PARAMS,
                5,
                List.of(
                        new EpochProgress(1, 12.0, 0.430),
                        new EpochProgress(2, 8.0, 0.560),
                        new EpochProgress(3, 6.1, 0.610),
                        new EpochProgress(4, 5.2, 0.631),
                        new EpochProgress(5, 4.9, 0.642)),
                new Evaluation(1200, 300, trained, Map.of("SKILL", trained)),
                new ChampionComparison(2, 300, 0, true, trained, new SpanMetrics(800, 708, 0.650, 0.575, 0.610, 0.690)),
                MODEL,
                3,
                null,
                List.of(
                        "2026-12-01 10:00:00 queued by " + OLIVE,
                        "2026-12-01 10:03:10 held-out strict F1 0.642 (precision 0.700, recall 0.593; lenient F1"
                                + " 0.710)",
                        "2026-12-01 10:03:11 beside champion version 2 on the 300 held-out sentences it never"
                                + " trained on: F1 0.642 against 0.610",
                        "2026-12-01 10:03:12 registered as version 3"),
                1,
                OLIVE,
                DAY.plusSeconds(3600),
                DAY.plusSeconds(3601),
                DAY.plusSeconds(3792),
                null,
                null);
    }

    /** A job of another task: never on the skill-extraction page. */
    public static TrainingJobView otherTaskJob() {
        return new TrainingJobView(
                OTHER_TASK_JOB,
                "resume-sections",
                TrainingJobView.Status.FAILED,
                "Sections try",
                List.of(OTHER_TASK_SET),
                List.of(),
                PARAMS,
                0,
                List.of(),
                null,
                null,
                "resume-sections",
                null,
                "Training failed: IllegalStateException",
                List.of(),
                1,
                OLIVE,
                DAY,
                DAY,
                DAY,
                null,
                null);
    }

    public static List<TrainingJobView> jobs() {
        return List.of(runningJob(), succeededJob(), otherTaskJob());
    }

    /** What training answers a new job: queued. */
    public static TrainingJobView queued(UUID id, List<UUID> train, List<UUID> dev, String description) {
        return new TrainingJobView(
                id,
                MODEL,
                TrainingJobView.Status.QUEUED,
                description,
                train,
                dev,
                PARAMS,
                0,
                List.of(),
                null,
                null,
                MODEL,
                null,
                null,
                List.of("queued by " + OLIVE),
                0,
                OLIVE,
                DAY.plusSeconds(7200),
                null,
                null,
                null,
                null);
    }

    /** The skill tagger in the registry: champion v2 (the shipped model), v3 trained by the succeeded job. */
    public static ModelView skillExtraction() {
        TaggerConfig tagger = new TaggerConfig("skill-words-v1", List.of("O", "B-SKILL", "I-SKILL"), 18, 0);
        VersionView v3 = new VersionView(
                MODEL,
                3,
                VersionView.Status.READY,
                null,
                "crf",
                new VersionView.Checksummed("c".repeat(64), 400_000),
                null,
                Signature.NONE,
                null,
                tagger,
                Map.of("span-f1", 0.642, "span-precision", 0.700, "span-recall", 0.593, "span-f1-lenient", 0.710),
                Map.of("training-job", SUCCEEDED_JOB.toString()),
                "Trained by training job " + SUCCEEDED_JOB + " on 1200 sentences",
                new VersionView.Lineage("training job " + SUCCEEDED_JOB, SUCCEEDED_JOB.toString(), TRAIN_SHA, 2),
                List.of(),
                OLIVE,
                DAY.plusSeconds(3792));
        VersionView v2 = new VersionView(
                MODEL,
                2,
                VersionView.Status.READY,
                null,
                "crf",
                new VersionView.Checksummed("d".repeat(64), 380_000),
                null,
                Signature.NONE,
                null,
                tagger,
                Map.of("span-f1", 0.610, "span-precision", 0.650, "span-recall", 0.575, "span-f1-lenient", 0.690),
                Map.of(),
                "The shipped skill tagger",
                new VersionView.Lineage("io.openhire:skills-taxonomy", null, null, null),
                List.of("champion"),
                "system",
                DAY.minusSeconds(86_400));
        return new ModelView(
                MODEL,
                "token-classification",
                "Skills in job ads and resumes",
                List.of(Gate.atLeastChampion("span-f1")),
                Map.of("champion", new ModelView.Alias("champion", 2, "system", DAY.minusSeconds(86_400))),
                List.of(v3, v2),
                DAY.minusSeconds(86_400),
                DAY.plusSeconds(3792));
    }

    public static AliasHistory skillExtractionHistory() {
        return new AliasHistory(
                MODEL,
                null,
                null,
                null,
                List.of(new AliasChange(
                        1, MODEL, "champion", 2, null, "PROMOTE", "system", "first start", DAY.minusSeconds(86_400))));
    }
}
