package io.openhire.jobingestion.crawl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The crawl table: the queue of crawls and their progress. */
@Repository
public class Crawls {

    private static final String COLUMNS = """
            id, organization_id, source_id, trigger, status, requested_by, requested_at, started_at, finished_at,
            attempts, requests, found, created, updated, unchanged, duplicates, rejected, closed, rejection_sample, error
            """;

    private final JdbcClient jdbc;

    Crawls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Crawl c) {
        jdbc.sql("""
                        INSERT INTO crawl (id, organization_id, source_id, trigger, status, requested_by, requested_at)
                        VALUES (:id, :org, :source, :trigger, :status, :by, :at)
                        """)
                .param("id", c.id())
                .param("org", c.organizationId())
                .param("source", c.sourceId())
                .param("trigger", c.trigger().name())
                .param("status", c.status().name())
                .param("by", c.requestedBy())
                .param("at", offset(c.requestedAt()))
                .update();
    }

    public Optional<Crawl> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crawl WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(Crawls::map)
                .optional();
    }

    public Optional<Crawl> active(UUID organizationId, UUID sourceId) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM crawl WHERE organization_id = :org AND source_id = :source AND status IN ('QUEUED', 'RUNNING')")
                .param("org", organizationId)
                .param("source", sourceId)
                .query(Crawls::map)
                .optional();
    }

    public List<Crawl> ofSource(UUID organizationId, UUID sourceId, int limit) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM crawl WHERE organization_id = :org AND source_id = :source ORDER BY requested_at DESC LIMIT :limit")
                .param("org", organizationId)
                .param("source", sourceId)
                .param("limit", limit)
                .query(Crawls::map)
                .list();
    }

    /**
     * Takes the oldest queued crawl, or a running one whose instance stopped renewing its lease, for this
     * instance: SKIP LOCKED lets concurrent instances take different rows, the lease keeps it theirs.
     */
    Optional<Crawl> claim(Instant now, Duration lease) {
        return jdbc.sql("UPDATE crawl SET status = 'RUNNING', started_at = coalesce(started_at, :now),"
                        + " lease_until = :until, attempts = attempts + 1"
                        + " WHERE id = (SELECT id FROM crawl WHERE status = 'QUEUED'"
                        + " OR (status = 'RUNNING' AND lease_until < :now)"
                        + " ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .param("now", offset(now))
                .param("until", offset(now.plus(lease)))
                .query(Crawls::map)
                .optional();
    }

    /** Progress so far; also renews the lease. */
    void progress(UUID id, Progress p, Instant leaseUntil) {
        jdbc.sql("""
                        UPDATE crawl SET requests = :requests, found = :found, created = :created, updated = :updated,
                            unchanged = :unchanged, duplicates = :duplicates, rejected = :rejected,
                            rejection_sample = :sample, lease_until = :until
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .param("requests", p.requests)
                .param("found", p.found)
                .param("created", p.created)
                .param("updated", p.updated)
                .param("unchanged", p.unchanged)
                .param("duplicates", p.duplicates)
                .param("rejected", p.rejected)
                .param("sample", p.rejectionSample)
                .param("until", offset(leaseUntil))
                .param("id", id)
                .update();
    }

    void finish(UUID id, Crawl.Status status, Progress p, String error, Instant at) {
        progress(id, p, at);
        jdbc.sql("""
                        UPDATE crawl SET status = :status, closed = :closed, error = :error, finished_at = :at, lease_until = NULL
                        WHERE id = :id
                        """)
                .param("status", status.name())
                .param("closed", p.closed)
                .param("error", error)
                .param("at", offset(at))
                .param("id", id)
                .update();
    }

    /** Counters of a running crawl, written as it goes. */
    static final class Progress {
        int requests;
        int found;
        int created;
        int updated;
        int unchanged;
        int duplicates;
        int rejected;
        int closed;
        String rejectionSample;
    }

    static Crawl map(ResultSet rs, int row) throws SQLException {
        return new Crawl(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("source_id", UUID.class),
                Crawl.Trigger.valueOf(rs.getString("trigger")),
                Crawl.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getInt("attempts"),
                rs.getInt("requests"),
                rs.getInt("found"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getInt("duplicates"),
                rs.getInt("rejected"),
                rs.getInt("closed"),
                rs.getString("rejection_sample"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
