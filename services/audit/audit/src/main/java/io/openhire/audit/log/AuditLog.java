package io.openhire.audit.log;

import io.openhire.audit.client.AuditEntry;
import io.openhire.audit.client.AuditPage;
import io.openhire.audit.client.ChainVerification;
import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.jdbc.SqlFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations' audit chains: appending an entry (with the chain's head locked, so one organisation's entries
 * are numbered and linked one at a time), reading them newest first with filters, and verifying a chain. Every
 * query is scoped to one organisation.
 */
@Repository
public class AuditLog {

    /** Filters of a read; null where not filtered. */
    public record Filter(
            String actor, String action, String resourceType, String resourceId, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final AlertRules alerts;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, AlertRules alerts, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Appends the entry to its organisation's chain and checks the organisation's alert rules against it; call in the
     * transaction that marks the event handled.
     */
    void append(AuditRecorded event) {
        UUID org = event.organizationId();
        // The organisation's head, created on its first entry, and locked (the no-op update takes the row lock) until
        // this entry commits: one statement, one round trip per entry.
        Head head = jdbc.sql("""
                        INSERT INTO audit_chain (organization_id, entries, last_hash) VALUES (:org, 0, :genesis)
                        ON CONFLICT (organization_id) DO UPDATE SET entries = audit_chain.entries
                        RETURNING entries, last_hash
                        """)
                .param("org", org)
                .param("genesis", AuditHashes.GENESIS)
                .query(AuditLog::head)
                .single();
        AuditEntry unhashed = new AuditEntry(
                head.entries() + 1,
                event.entryId(),
                org,
                micros(event.occurredAt()),
                micros(clock.instant()),
                event.actor(),
                event.action(),
                event.resourceType(),
                event.resourceId(),
                event.result().name(),
                event.ip(),
                event.requestId(),
                event.service(),
                head.lastHash(),
                null);
        String hash = AuditHashes.hash(unhashed);
        jdbc.sql("""
                        INSERT INTO audit_entry (organization_id, position, id, occurred_at, recorded_at, actor, action,
                                                 resource_type, resource_id, result, ip, request_id, service,
                                                 previous_hash, hash)
                        VALUES (:org, :position, :id, :occurredAt, :recordedAt, :actor, :action, :resourceType,
                                :resourceId, :result, :ip, :requestId, :service, :previousHash, :hash)
                        """)
                .param("org", org)
                .param("position", unhashed.position())
                .param("id", unhashed.id())
                .param("occurredAt", Timestamp.from(unhashed.occurredAt()))
                .param("recordedAt", Timestamp.from(unhashed.recordedAt()))
                .param("actor", unhashed.actor())
                .param("action", unhashed.action())
                .param("resourceType", unhashed.resourceType())
                .param("resourceId", unhashed.resourceId())
                .param("result", unhashed.result())
                .param("ip", unhashed.ip())
                .param("requestId", unhashed.requestId())
                .param("service", unhashed.service())
                .param("previousHash", unhashed.previousHash())
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain SET entries = :entries, last_hash = :hash WHERE organization_id = :org")
                .param("entries", unhashed.position())
                .param("hash", hash)
                .param("org", org)
                .update();
        alerts.check(unhashed);
    }

    private record Head(long entries, String lastHash) {}

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getLong("entries"), rs.getString("last_hash"));
    }

    /** One page of the organisation's entries, newest first, older than position {@code before} when given. */
    public AuditPage page(UUID org, Filter filter, Long before, int limit) {
        SqlFilter where = where(org, filter);
        if (before != null) {
            where.and("position < :before", "before", before);
        }
        List<AuditEntry> rows = where.bind(
                        jdbc.sql("SELECT * FROM audit_entry" + where.clause() + " ORDER BY position DESC LIMIT :limit"))
                .param("limit", limit + 1)
                .query(AuditLog::entry)
                .list();
        Long nextBefore = rows.size() > limit ? rows.get(limit - 1).position() : null;
        return new AuditPage(rows.subList(0, Math.min(limit, rows.size())), nextBefore);
    }

    /**
     * Every entry that passes the filter, newest first, handed over one at a time (an export of any size: read
     * through a cursor, which PostgreSQL keeps only inside a transaction).
     */
    @Transactional(readOnly = true)
    public void each(UUID org, Filter filter, Consumer<AuditEntry> consumer) {
        SqlFilter where = where(org, filter);
        try (Stream<AuditEntry> rows = where
                .bind(jdbc.sql("SELECT * FROM audit_entry" + where.clause() + " ORDER BY position DESC"))
                .withFetchSize(500)
                .query(AuditLog::entry)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    /**
     * Recomputes the organisation's chain from its first entry (or, after a retention prune, from the anchor the
     * prune kept: the hash of the last entry removed); reads it in pages, never whole.
     */
    public ChainVerification verify(UUID org) {
        Anchor anchor = jdbc.sql("SELECT pruned_through, pruned_hash FROM audit_chain WHERE organization_id = :org")
                .param("org", org)
                .query((rs, n) -> new Anchor(rs.getLong("pruned_through"), rs.getString("pruned_hash")))
                .optional()
                .orElse(new Anchor(0, null));
        String expectedPrevious = anchor.through() == 0 ? AuditHashes.GENESIS : anchor.hash();
        long checked = anchor.through();
        long after = anchor.through();
        while (true) {
            List<AuditEntry> batch = jdbc.sql("""
                            SELECT * FROM audit_entry WHERE organization_id = :org AND position > :after
                            ORDER BY position LIMIT 1000
                            """)
                    .param("org", org)
                    .param("after", after)
                    .query(AuditLog::entry)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry e : batch) {
                String problem = null;
                if (e.position() != checked + 1) {
                    problem = "entry " + (checked + 1) + " is missing";
                } else if (!e.previousHash().equals(expectedPrevious)) {
                    problem = "its previous hash is not the hash of the entry before";
                } else if (!AuditHashes.hash(e).equals(e.hash())) {
                    problem = "its fields do not have its hash: it was changed after it was written";
                }
                if (problem != null) {
                    return new ChainVerification(
                            false, checked, expectedPrevious, checked + 1, problem, clock.instant());
                }
                checked++;
                expectedPrevious = e.hash();
                after = e.position();
            }
        }
        Head head = jdbc.sql("SELECT entries, last_hash FROM audit_chain WHERE organization_id = :org")
                .param("org", org)
                .query(AuditLog::head)
                .optional()
                .orElse(new Head(0, AuditHashes.GENESIS));
        if (head.entries() != checked || !head.lastHash().equals(expectedPrevious)) {
            return new ChainVerification(
                    false,
                    checked,
                    expectedPrevious,
                    checked + 1,
                    "the chain's head names " + head.entries() + " entries: entries were removed from its end",
                    clock.instant());
        }
        return new ChainVerification(true, checked, expectedPrevious, null, null, clock.instant());
    }

    /** Where a retention prune stopped: entries up to {@code through} were removed, the last of them had {@code hash}. */
    private record Anchor(long through, String hash) {}

    /**
     * Removes the organisation's entries recorded before {@code before}, oldest first, and keeps the anchor that lets
     * the rest be verified. One transaction: the chain's head is locked, so appends wait and no entry is half-pruned.
     *
     * @return how many entries were removed
     */
    @org.springframework.transaction.annotation.Transactional
    public int prune(UUID org, java.time.Instant before) {
        Long through = jdbc.sql("""
                        SELECT max(position) FROM audit_entry WHERE organization_id = :org AND recorded_at < :before
                        """)
                .param("org", org)
                .param("before", Timestamp.from(before))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (through == null) {
            return 0;
        }
        jdbc.sql("SELECT entries FROM audit_chain WHERE organization_id = :org FOR UPDATE")
                .param("org", org)
                .query(Long.class)
                .list();
        String lastHash = jdbc.sql("SELECT hash FROM audit_entry WHERE organization_id = :org AND position = :position")
                .param("org", org)
                .param("position", through)
                .query(String.class)
                .single();
        jdbc.sql("SELECT set_config('openhire.audit_prune', 'on', true)")
                .query(String.class)
                .single();
        int removed = jdbc.sql("DELETE FROM audit_entry WHERE organization_id = :org AND position <= :through")
                .param("org", org)
                .param("through", through)
                .update();
        jdbc.sql("""
                        UPDATE audit_chain SET pruned_through = :through, pruned_hash = :hash
                        WHERE organization_id = :org AND pruned_through < :through
                        """)
                .param("through", through)
                .param("hash", lastHash)
                .param("org", org)
                .update();
        return removed;
    }

    /** The organisations with entries recorded before {@code before}. */
    public List<UUID> organisationsWithEntriesBefore(java.time.Instant before) {
        return jdbc.sql("SELECT DISTINCT organization_id FROM audit_entry WHERE recorded_at < :before")
                .param("before", Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    /** The organisation's entries that pass the filter (values as parameters, never in the text). */
    private static SqlFilter where(UUID org, Filter filter) {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", org);
        if (filter.actor() != null) {
            where.and("actor = :actor", "actor", filter.actor());
        }
        if (filter.action() != null) {
            where.and("action = :action", "action", filter.action());
        }
        if (filter.resourceType() != null) {
            where.and("resource_type = :resourceType", "resourceType", filter.resourceType());
        }
        if (filter.resourceId() != null) {
            where.and("resource_id = :resourceId", "resourceId", filter.resourceId());
        }
        if (filter.from() != null) {
            where.and("occurred_at >= :from", "from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.and("occurred_at < :to", "to", Timestamp.from(filter.to()));
        }
        return where;
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("position"),
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("result"),
                rs.getString("ip"),
                rs.getString("request_id"),
                rs.getString("service"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
