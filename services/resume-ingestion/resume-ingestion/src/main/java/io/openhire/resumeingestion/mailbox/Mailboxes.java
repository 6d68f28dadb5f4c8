package io.openhire.resumeingestion.mailbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mailbox and mailbox_message tables. */
@Repository
class Mailboxes {

    private static final String COLUMNS = """
            id, organization_id, host, port, tls, username, password_sealed, folder, enabled, created_at,
            last_polled_at, last_success_at, last_error, resumes_received
            """;

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Mailbox m) {
        jdbc.sql("""
                        INSERT INTO mailbox (id, organization_id, host, port, tls, username, password_sealed, folder,
                                             enabled, created_at)
                        VALUES (:id, :org, :host, :port, :tls, :username, :password, :folder, true, now())
                        """)
                .param("id", m.id())
                .param("org", m.organizationId())
                .param("host", m.host())
                .param("port", m.port())
                .param("tls", m.tls())
                .param("username", m.username())
                .param("password", m.passwordSealed())
                .param("folder", m.folder())
                .update();
    }

    List<Mailbox> list(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox WHERE organization_id = :org ORDER BY created_at, id")
                .param("org", organizationId)
                .query(Mailboxes::map)
                .list();
    }

    Optional<Mailbox> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(Mailboxes::map)
                .optional();
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("DELETE FROM mailbox WHERE organization_id = :org AND id = :id")
                        .param("org", organizationId)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Ids of enabled mailboxes not leased by another poller, across organisations (the scheduler's view). */
    List<Mailbox> due() {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM mailbox WHERE enabled AND (lease_until IS NULL OR lease_until < now()) ORDER BY last_polled_at NULLS FIRST")
                .query(Mailboxes::map)
                .list();
    }

    /** Takes the mailbox for {@code lease}; false when another poller (another instance) has it. */
    boolean lease(UUID id, Duration lease) {
        return jdbc.sql("""
                        UPDATE mailbox SET lease_until = now() + make_interval(secs => :seconds)
                        WHERE id = :id AND (lease_until IS NULL OR lease_until < now())
                        """).param("seconds", lease.toSeconds()).param("id", id).update() > 0;
    }

    void release(UUID id, String error, int resumes) {
        jdbc.sql("""
                        UPDATE mailbox SET lease_until = NULL, last_polled_at = now(),
                               last_success_at = CASE WHEN CAST(:error AS text) IS NULL THEN now() ELSE last_success_at END,
                               last_error = CAST(:error AS text), resumes_received = resumes_received + :resumes
                        WHERE id = :id
                        """)
                .param("error", error)
                .param("resumes", resumes)
                .param("id", id)
                .update();
    }

    boolean processed(UUID mailboxId, String messageKey) {
        return jdbc.sql("SELECT count(*) FROM mailbox_message WHERE mailbox_id = :id AND message_key = :key")
                        .param("id", mailboxId)
                        .param("key", messageKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void markProcessed(UUID mailboxId, String messageKey, int resumes) {
        jdbc.sql("""
                        INSERT INTO mailbox_message (mailbox_id, message_key, resumes) VALUES (:id, :key, :resumes)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", mailboxId)
                .param("key", messageKey)
                .param("resumes", resumes)
                .update();
    }

    static Mailbox map(ResultSet rs, int row) throws SQLException {
        return new Mailbox(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("host"),
                rs.getInt("port"),
                rs.getBoolean("tls"),
                rs.getString("username"),
                rs.getBytes("password_sealed"),
                rs.getString("folder"),
                rs.getBoolean("enabled"),
                instant(rs, "created_at"),
                instant(rs, "last_polled_at"),
                instant(rs, "last_success_at"),
                rs.getString("last_error"),
                rs.getLong("resumes_received"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
