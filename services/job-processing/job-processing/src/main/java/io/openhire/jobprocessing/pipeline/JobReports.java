package io.openhire.jobprocessing.pipeline;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.report.AdReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Jobs as announced, and their reports; every query scoped to one organisation. */
@Repository
public class JobReports {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the job unless a newer revision is already here; true when this one is now current. */
    boolean saveJob(JobIngested job, Instant at) {
        return jdbc.sql("""
                        INSERT INTO job (id, organization_id, revision, posting, received_at)
                        VALUES (:id, :org, :revision, CAST(:posting AS jsonb), :at)
                        ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, posting = EXCLUDED.posting,
                            received_at = EXCLUDED.received_at
                        WHERE job.revision < EXCLUDED.revision AND job.organization_id = EXCLUDED.organization_id
                        """)
                        .param("id", job.jobId())
                        .param("org", job.organizationId())
                        .param("revision", job.revision())
                        .param("posting", json.writeValueAsString(job))
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                > 0;
    }

    public Optional<JobIngested> job(UUID organizationId, UUID jobId) {
        return jdbc.sql("SELECT posting FROM job WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", jobId)
                .query(String.class)
                .optional()
                .map(p -> json.readValue(p, JobIngested.class));
    }

    /** Records the skill tagger's registry version the job's latest review read it with (null: the shipped one). */
    void readWith(UUID organizationId, UUID jobId, Integer taggerVersion) {
        jdbc.sql("UPDATE job SET tagger_version = :tagger WHERE organization_id = :org AND id = :id")
                .param("tagger", taggerVersion, java.sql.Types.INTEGER)
                .param("org", organizationId)
                .param("id", jobId)
                .update();
    }

    /** A job to review again, in its organisation. */
    record Queued(UUID organizationId, UUID jobId) {}

    /**
     * Claims every job another skill tagger than registry version {@code version} read, in every organisation,
     * for a review with it: marked in the same statement, so instances that all heard of the promotion split the
     * jobs and none is queued twice for one version.
     */
    List<Queued> claimForTagger(int version) {
        return jdbc.sql("""
                        UPDATE job SET review_for_tagger = :version
                        WHERE tagger_version IS DISTINCT FROM :version AND review_for_tagger IS DISTINCT FROM :version
                        RETURNING organization_id, id
                        """)
                .param("version", version)
                .query((rs, n) ->
                        new Queued(rs.getObject("organization_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
    }

    void saveReport(UUID organizationId, UUID jobId, int revision, int score, AdReport report, Instant at) {
        jdbc.sql("""
                        INSERT INTO job_report (id, organization_id, job_id, job_revision, score, report, created_at)
                        VALUES (:id, :org, :job, :revision, :score, CAST(:report AS jsonb), :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", organizationId)
                .param("job", jobId)
                .param("revision", revision)
                .param("score", score)
                .param("report", json.writeValueAsString(report))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The newest review of the job, as it was stored. */
    public Optional<AdReport> latestReport(UUID organizationId, UUID jobId) {
        return jdbc.sql("""
                        SELECT report FROM job_report WHERE organization_id = :org AND job_id = :job
                        ORDER BY created_at DESC, job_revision DESC LIMIT 1
                        """)
                .param("org", organizationId)
                .param("job", jobId)
                .query(String.class)
                .optional()
                .map(report -> json.readValue(report, AdReport.class));
    }
}
