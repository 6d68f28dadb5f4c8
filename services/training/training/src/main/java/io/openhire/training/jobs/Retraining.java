package io.openhire.training.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which models should be trained again because personal data was erased from a dataset they trained on. A CRF
 * learns weights per word feature, so a model can hold the very words it trained on (an email address as a
 * feature): erasing the person from the dataset does not take them out of the model. Training cannot retrain on
 * its own (an operator decides what to train, and promotes), so it marks the jobs whose models learned from the
 * erased items, and the jobs API and the dashboard show which model name and version that is.
 */
@Service
public class Retraining {

    private final JdbcClient jdbc;
    private final Clock clock;

    Retraining(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Keeps the worker from claiming a job until the caller's transaction ends: a job is then either RUNNING before
     * the datasets are rewritten (it may have read them as they were, and is marked) or claimed after the rewrite
     * commits (it reads them without the person, and need not be).
     */
    public void holdClaims() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", TrainingJobs.CLAIM_LOCK)
                .query()
                .singleValue();
    }

    /** A job marked: the model it made (or is making) should be trained again. */
    public record Marked(UUID jobId, String modelName, Integer modelVersion) {}

    /**
     * Marks every job that trained on the dataset and has (or is making) a model: RUNNING, REGISTERING, SUCCEEDED.
     * A queued job reads the dataset when it starts, as it is then; a failed or cancelled one left no model; a
     * dataset only evaluated on ({@code dev_dataset_ids}) is not in the model. The job's log says which dataset and
     * how many items, never whose.
     */
    public List<Marked> datasetErased(UUID datasetId, String datasetName, int items) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE training_job SET retrain_reason = :reason, retrain_requested_at = :now,
                            log = log || :log
                        WHERE :dataset = ANY (dataset_ids) AND status IN ('RUNNING', 'REGISTERING', 'SUCCEEDED')
                        RETURNING id, model_name, model_version
                        """)
                .param("dataset", datasetId)
                .param("reason", "personal data was erased from its dataset '" + datasetName + "'")
                .param("now", Timestamp.from(now))
                .param(
                        "log",
                        TrainingJobs.line(
                                now,
                                "a data-subject erasure took " + items + (items == 1 ? " item" : " items")
                                        + " out of dataset '" + datasetName + "': train the model again"))
                .query((rs, n) -> new Marked(rs.getObject("id", UUID.class), rs.getString("model_name"), (Integer)
                        rs.getObject("model_version")))
                .list();
    }
}
