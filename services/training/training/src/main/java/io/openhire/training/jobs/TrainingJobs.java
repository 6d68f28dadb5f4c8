package io.openhire.training.jobs;

import io.openhire.platform.errors.DomainException;
import io.openhire.skills.SkillTagger;
import io.openhire.training.TrainingTask;
import io.openhire.training.client.ChampionComparison;
import io.openhire.training.client.DatasetView;
import io.openhire.training.client.EpochProgress;
import io.openhire.training.client.Evaluation;
import io.openhire.training.client.StartTraining;
import io.openhire.training.client.TrainingJobView;
import io.openhire.training.client.TrainingParams;
import io.openhire.training.datasets.Datasets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training jobs, as rows: queued by an operator, claimed by one worker at a time with a lease it renews,
 * and moved through RUNNING → REGISTERING → SUCCEEDED (or FAILED, CANCELLED). Every change is one
 * statement, so a crash anywhere leaves a row that says what happened and what comes next.
 */
@Service
public class TrainingJobs {

    private static final String COLUMNS = """
            id, task, status, description, dataset_ids, dev_dataset_ids, params, epoch, progress, evaluation,
            comparison, model_name, model_version, error, log, attempts, created_by, created_at,
            started_at, finished_at, retrain_reason, retrain_requested_at""";

    /**
     * The PostgreSQL advisory lock a worker holds while it claims a job: one claim at a time on the platform, and none
     * while an erasure rewrites datasets ({@link Retraining#holdClaims}).
     */
    static final long CLAIM_LOCK = 8002;

    private static final int MAX_DATASETS = 20;
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Datasets datasets;
    private final JsonMapper json;
    private final Clock clock;

    TrainingJobs(JdbcClient jdbc, Datasets datasets, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.json = json;
        this.clock = clock;
    }

    /** Checks the request (the task, its datasets, the parameters) and queues the job. */
    public TrainingJobView queue(UUID organizationId, String actor, StartTraining request) {
        if (request == null) {
            throw DomainException.invalid("invalid-request", "The request needs a task and datasetIds.");
        }
        TrainingTask task = TrainingTask.of(request.task());
        List<UUID> train = datasetsOf(task, "datasetIds", request.datasetIds(), true);
        List<UUID> dev = datasetsOf(task, "devDatasetIds", request.devDatasetIds(), false);
        if (dev.stream().anyMatch(train::contains)) {
            throw DomainException.invalidField(
                    "devDatasetIds", "a dataset is trained on or held out for evaluation, not both");
        }
        TrainingParams params = params(request.params());
        String description =
                request.description() == null ? null : request.description().strip();
        if (description != null
                && (description.length() > 500 || description.chars().anyMatch(Character::isISOControl))) {
            throw DomainException.invalidField("description", "must be at most 500 characters on one line");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO training_job (id, organization_id, task, model_name, description, dataset_ids,
                            dev_dataset_ids, params, status, log, created_by, created_at)
                        VALUES (:id, :org, :task, :model, :description, :train, :dev, CAST(:params AS jsonb), 'QUEUED',
                            :log, :actor, :now)
                        """)
                .param("id", id)
                .param("org", organizationId)
                .param("task", task.id())
                .param("model", task.modelName())
                .param("description", description)
                .param("train", train.toArray(UUID[]::new))
                .param("dev", dev.toArray(UUID[]::new))
                .param("params", json.writeValueAsString(params))
                .param("log", line(now, "queued by " + actor))
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .update();
        return get(id);
    }

    /** The request's parameters with the shipped model's for those it leaves out, each checked. */
    static TrainingParams params(TrainingParams given) {
        TrainingParams p = given == null ? new TrainingParams(null, null, null, null, null) : given;
        int epochs = p.epochs() == null ? SkillTagger.PARAMS.epochs() : p.epochs();
        double rate = p.learningRate() == null ? SkillTagger.PARAMS.learningRate() : p.learningRate();
        double l2 = p.l2() == null ? SkillTagger.PARAMS.l2() : p.l2();
        long seed = p.seed() == null ? SkillTagger.PARAMS.seed() : p.seed();
        double devFraction = p.devFraction() == null ? 0.1 : p.devFraction();
        if (epochs < 1 || epochs > 50) {
            throw DomainException.invalidField("params.epochs", "must be 1 to 50");
        }
        if (!(rate > 0 && rate <= 10)) {
            throw DomainException.invalidField("params.learningRate", "must be more than 0 and at most 10");
        }
        if (!(l2 >= 0 && l2 < 1)) {
            throw DomainException.invalidField("params.l2", "must be at least 0 and below 1");
        }
        if (!(devFraction >= 0.05 && devFraction <= 0.5)) {
            throw DomainException.invalidField("params.devFraction", "must be 0.05 to 0.5");
        }
        return new TrainingParams(epochs, rate, l2, seed, devFraction);
    }

    private List<UUID> datasetsOf(TrainingTask task, String field, List<UUID> ids, boolean required) {
        List<UUID> given = ids == null ? List.of() : ids;
        if (required && given.isEmpty()) {
            throw DomainException.invalidField(field, "name at least one dataset to train on");
        }
        if (given.size() > MAX_DATASETS
                || new HashSet<>(given).size() != given.size()
                || given.stream().anyMatch(java.util.Objects::isNull)) {
            throw DomainException.invalidField(field, "at most " + MAX_DATASETS + " different datasets");
        }
        for (UUID id : given) {
            DatasetView dataset;
            try {
                dataset = datasets.get(id);
            } catch (DomainException notFound) {
                throw DomainException.invalidField(field, "dataset " + id + " does not exist");
            }
            if (!dataset.task().equals(task.id())) {
                throw DomainException.invalidField(
                        field, "dataset " + id + " is for " + dataset.task() + ", not " + task.id());
            }
        }
        return List.copyOf(given);
    }

    public List<TrainingJobView> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_job ORDER BY created_at DESC, id LIMIT 50")
                .query(this::view)
                .list();
    }

    public TrainingJobView get(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("Training job " + id));
    }

    Optional<TrainingJobView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_job WHERE id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    /**
     * A queued job ends here; a running one is told to stop (its worker sees it within seconds and registers
     * nothing).
     */
    public TrainingJobView cancel(UUID id, String actor) {
        TrainingJobView job = get(id);
        if (job.status().finished()) {
            throw DomainException.conflict(
                    "job-finished", "The job has " + job.status().name().toLowerCase() + " already.");
        }
        Instant now = clock.instant();
        int cancelledNow = jdbc.sql("""
                        UPDATE training_job SET status = 'CANCELLED', finished_at = :now, log = log || :log
                        WHERE id = :id AND status = 'QUEUED'
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("log", line(now, "cancelled by " + actor))
                .update();
        if (cancelledNow == 0) {
            jdbc.sql("""
                            UPDATE training_job SET cancel_requested = true, log = log || :log
                            WHERE id = :id AND status IN ('RUNNING', 'REGISTERING') AND NOT cancel_requested
                            """)
                    .param("id", id)
                    .param("log", line(now, "cancel asked by " + actor))
                    .update();
        }
        return get(id);
    }

    /** Told (in this process) when a job was queued, so that an idle worker starts it at once. */
    public record Queued(UUID id) {}

    /** A job the worker took: what to do with it. */
    record Claimed(
            UUID id,
            TrainingTask task,
            TrainingJobView.Status status,
            int attempts,
            List<UUID> datasetIds,
            List<UUID> devDatasetIds,
            TrainingParams params,
            boolean cancelRequested) {}

    /**
     * Takes the oldest job that is queued, or whose worker was lost (its lease ran out), unless another
     * worker's job is running: one job at a time on the whole platform, so training never takes more than one
     * of the machine's cores.
     */
    @Transactional
    Optional<Claimed> claim(Duration lease) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", CLAIM_LOCK)
                .query()
                .singleValue();
        Instant now = clock.instant();
        boolean busy = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM training_job
                                       WHERE status IN ('RUNNING', 'REGISTERING') AND lease_until > :now)
                        """)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
        if (busy) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE training_job
                        SET status = CASE WHEN status = 'REGISTERING' THEN 'REGISTERING' ELSE 'RUNNING' END,
                            attempts = attempts + CASE WHEN status = 'REGISTERING' THEN 0 ELSE 1 END,
                            lease_until = :lease, started_at = coalesce(started_at, :now)
                        WHERE id = (SELECT id FROM training_job
                                    WHERE status = 'QUEUED'
                                       OR (status IN ('RUNNING', 'REGISTERING') AND lease_until <= :now)
                                    ORDER BY created_at, id LIMIT 1)
                        RETURNING id, task, status, attempts, dataset_ids, dev_dataset_ids, params, cancel_requested
                        """)
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(now.plus(lease)))
                .query((rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        TrainingTask.of(rs.getString("task")),
                        TrainingJobView.Status.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        uuids(rs.getArray("dataset_ids")),
                        uuids(rs.getArray("dev_dataset_ids")),
                        json.readValue(rs.getString("params"), TrainingParams.class),
                        rs.getBoolean("cancel_requested")))
                .optional();
    }

    /** Renews the claim; true when the job was asked to stop. */
    boolean heartbeat(UUID id, Duration lease) {
        return jdbc.sql("""
                        UPDATE training_job SET lease_until = :lease WHERE id = :id
                        RETURNING cancel_requested
                        """)
                .param("id", id)
                .param("lease", Timestamp.from(clock.instant().plus(lease)))
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void log(UUID id, String message) {
        jdbc.sql("UPDATE training_job SET log = log || :log WHERE id = :id")
                .param("id", id)
                .param("log", line(clock.instant(), message))
                .update();
    }

    void epoch(UUID id, EpochProgress progress, int epochs) {
        jdbc.sql("""
                        UPDATE training_job SET epoch = :epoch, progress = progress || CAST(:progress AS jsonb),
                            log = log || :log
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("epoch", progress.epoch())
                .param("progress", "[" + json.writeValueAsString(progress) + "]")
                .param(
                        "log",
                        line(
                                clock.instant(),
                                "epoch %d/%d: loss %.3f, held-out F1 %.3f"
                                        .formatted(progress.epoch(), epochs, progress.loss(), progress.devF1())))
                .update();
    }

    /** Trained and scored: the model waits in the row until the registry has it. */
    void evaluated(UUID id, byte[] artifact, Evaluation evaluation, ChampionComparison comparison) {
        jdbc.sql("""
                        UPDATE training_job SET status = 'REGISTERING', artifact = :artifact,
                            evaluation = CAST(:evaluation AS jsonb), comparison = CAST(:comparison AS jsonb)
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .param("id", id)
                .param("artifact", artifact)
                .param("evaluation", json.writeValueAsString(evaluation))
                .param("comparison", comparison == null ? null : json.writeValueAsString(comparison))
                .update();
    }

    Optional<byte[]> artifact(UUID id) {
        return jdbc.sql("SELECT artifact FROM training_job WHERE id = :id AND artifact IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void registered(UUID id, int version) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE training_job SET status = 'SUCCEEDED', model_version = :version, artifact = NULL,
                            lease_until = NULL, finished_at = :now, log = log || :log
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("version", version)
                .param("now", Timestamp.from(now))
                .param("log", line(now, "registered as version " + version))
                .update();
    }

    /** The registry is away: the job keeps its model and is taken again after {@code wait}. */
    void registerLater(UUID id, Duration wait, String why) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE training_job SET lease_until = :later, log = log || :log WHERE id = :id")
                .param("id", id)
                .param("later", Timestamp.from(now.plus(wait)))
                .param("log", line(now, why + "; registering again in " + wait.toSeconds() + " s"))
                .update();
    }

    /**
     * Failed or cancelled: no model, so nothing to train again either (an erasure while it ran marked it; the log
     * keeps that).
     */
    void finish(UUID id, TrainingJobView.Status status, String error, String message) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE training_job SET status = :status, error = :error, artifact = NULL, lease_until = NULL,
                            finished_at = :now, retrain_reason = NULL, retrain_requested_at = NULL, log = log || :log
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("error", error)
                .param("now", Timestamp.from(now))
                .param("log", line(now, message))
                .update();
    }

    /** The worker is stopping (the service shuts down): the job runs again from the start, on any instance. */
    void requeue(UUID id) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE training_job SET status = 'QUEUED', attempts = greatest(attempts - 1, 0), epoch = 0,
                            progress = '[]', lease_until = NULL, log = log || :log
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .param("id", id)
                .param("log", line(now, "stopped by a shutdown: it runs again from the first epoch"))
                .update();
    }

    /**
     * Started (again, after its worker was lost: progress so far is discarded). It reads its datasets after this, as
     * they are now: a reason to retrain that an erasure gave the earlier attempt no longer holds.
     */
    void restart(UUID id, int attempt) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE training_job SET epoch = 0, progress = '[]', retrain_reason = NULL,
                            retrain_requested_at = NULL, log = log || :log
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("log", line(now, attempt == 1 ? "started" : "started again (attempt " + attempt + ")"))
                .update();
    }

    static String line(Instant at, String message) {
        return LOG_TIME.format(at) + "  " + message + "\n";
    }

    private TrainingJobView view(ResultSet rs, int n) throws SQLException {
        String evaluation = rs.getString("evaluation");
        String comparison = rs.getString("comparison");
        String log = rs.getString("log");
        return new TrainingJobView(
                rs.getObject("id", UUID.class),
                rs.getString("task"),
                TrainingJobView.Status.valueOf(rs.getString("status")),
                rs.getString("description"),
                uuids(rs.getArray("dataset_ids")),
                uuids(rs.getArray("dev_dataset_ids")),
                json.readValue(rs.getString("params"), TrainingParams.class),
                rs.getInt("epoch"),
                json.readValue(rs.getString("progress"), new TypeReference<List<EpochProgress>>() {}),
                evaluation == null ? null : json.readValue(evaluation, Evaluation.class),
                comparison == null ? null : json.readValue(comparison, ChampionComparison.class),
                rs.getString("model_name"),
                (Integer) rs.getObject("model_version"),
                rs.getString("error"),
                log.isEmpty() ? List.of() : List.of(log.split("\n")),
                rs.getInt("attempts"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("retrain_reason"),
                instant(rs.getTimestamp("retrain_requested_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
    }
}
