package io.openhire.jobingestion.sources;

import io.openhire.jobingestion.connectors.SourceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The job_source table; every query is scoped to one organisation except the scheduler's. */
@Repository
public class JobSources {

    private static final String COLUMNS = """
            id, organization_id, name, kind, board, url, employer, credentials_sealed, credentials_user,
            schedule_minutes, next_crawl_at, created_by, created_at, last_crawl_id, last_success_at, last_error,
            last_error_at
            """;

    private final JdbcClient jdbc;

    JobSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(JobSource s) {
        jdbc.sql("INSERT INTO job_source (" + COLUMNS + """
                        ) VALUES (:id, :org, :name, :kind, :board, :url, :employer, :sealed, :user, :schedule, :next,
                                  :createdBy, :createdAt, NULL, NULL, NULL, NULL)
                        """)
                .param("id", s.id())
                .param("org", s.organizationId())
                .param("name", s.name())
                .param("kind", s.kind().name())
                .param("board", s.board())
                .param("url", s.url())
                .param("employer", s.employer())
                .param("sealed", s.credentialsSealed())
                .param("user", s.credentialsUser())
                .param("schedule", s.scheduleMinutes())
                .param("next", offset(s.nextCrawlAt()))
                .param("createdBy", s.createdBy())
                .param("createdAt", offset(s.createdAt()))
                .update();
    }

    public Optional<JobSource> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job_source WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(JobSources::map)
                .optional();
    }

    public List<JobSource> list(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job_source WHERE organization_id = :org ORDER BY created_at, id")
                .param("org", organizationId)
                .query(JobSources::map)
                .list();
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("DELETE FROM job_source WHERE organization_id = :org AND id = :id")
                        .param("org", organizationId)
                        .param("id", id)
                        .update()
                > 0;
    }

    /**
     * Sources whose scheduled crawl is due, locked so that only this transaction (of any instance) queues
     * their next crawl.
     */
    public List<JobSource> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM job_source WHERE schedule_minutes IS NOT NULL AND next_crawl_at <= :now
                         ORDER BY next_crawl_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", offset(now))
                .param("limit", limit)
                .query(JobSources::map)
                .list();
    }

    public void scheduleNext(UUID id, Instant next) {
        jdbc.sql("UPDATE job_source SET next_crawl_at = :next WHERE id = :id")
                .param("next", offset(next))
                .param("id", id)
                .update();
    }

    public void recordSuccess(UUID id, UUID crawlId, Instant at) {
        jdbc.sql("UPDATE job_source SET last_crawl_id = :crawl, last_success_at = :at WHERE id = :id")
                .param("crawl", crawlId)
                .param("at", offset(at))
                .param("id", id)
                .update();
    }

    public void recordError(UUID id, UUID crawlId, String error, Instant at) {
        jdbc.sql(
                        "UPDATE job_source SET last_crawl_id = :crawl, last_error = :error, last_error_at = :at WHERE id = :id")
                .param("crawl", crawlId)
                .param("error", error)
                .param("at", offset(at))
                .param("id", id)
                .update();
    }

    static JobSource map(ResultSet rs, int row) throws SQLException {
        return new JobSource(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                SourceKind.valueOf(rs.getString("kind")),
                rs.getString("board"),
                rs.getString("url"),
                rs.getString("employer"),
                rs.getBytes("credentials_sealed"),
                rs.getString("credentials_user"),
                (Integer) rs.getObject("schedule_minutes"),
                instant(rs, "next_crawl_at"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getObject("last_crawl_id", UUID.class),
                instant(rs, "last_success_at"),
                rs.getString("last_error"),
                instant(rs, "last_error_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
