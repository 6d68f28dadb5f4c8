package io.openhire.security.threats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations' threat alerts ({@code security_threat}). */
@Repository
public class ThreatAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    ThreatAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Kind {
        /** Sign-ins of many accounts failing from one address: a list of stolen passwords being tried. */
        CREDENTIAL_STUFFING,
        /** Many failed sign-ins of one account: its password being guessed. */
        BRUTE_FORCE,
        /** Many resumes downloaded by one actor: data being taken out. */
        MASS_DOWNLOAD,
        /** A role changed or an API key made: more power for someone, which admins want to know about. */
        PRIVILEGE_CHANGE
    }

    /** One alert. {@code subject} is what the alert is about: an address, an actor or an entry. */
    public record Alert(
            UUID id,
            UUID organizationId,
            Kind kind,
            String actor,
            String ip,
            String detail,
            Instant occurredAt,
            Instant raisedAt) {}

    /**
     * Stores the alert unless one of its kind about the same subject was raised for something that happened in the
     * window before: an attack that goes on raises one alert per window, not one per entry. Runs inside the
     * caller's transaction, under its per-organisation lock.
     *
     * @return whether it was raised
     */
    boolean raiseOnce(
            UUID organizationId,
            Kind kind,
            String subject,
            String actor,
            String ip,
            String detail,
            Instant occurredAt,
            Instant windowStart) {
        return jdbc.sql("""
                                INSERT INTO security_threat
                                    (id, organization_id, kind, subject, actor, ip, detail, occurred_at, raised_at)
                                SELECT :id, :org, :kind, :subject, :actor, :ip, :detail, :occurred, :raised
                                WHERE NOT EXISTS (
                                    SELECT 1 FROM security_threat
                                    WHERE organization_id = :org AND kind = :kind AND subject = :subject
                                      AND occurred_at > :since)
                                """)
                        .param("id", UUID.randomUUID())
                        .param("org", organizationId)
                        .param("kind", kind.name())
                        .param("subject", subject)
                        .param("actor", actor)
                        .param("ip", ip)
                        .param("detail", detail)
                        .param("occurred", Timestamp.from(occurredAt))
                        .param("raised", Timestamp.from(clock.instant()))
                        .param("since", Timestamp.from(windowStart))
                        .update()
                == 1;
    }

    /** The organisation's latest alerts, newest first (by when what raised them happened). */
    public List<Alert> latest(UUID organizationId, int limit) {
        return jdbc.sql("""
                        SELECT id, organization_id, kind, actor, ip, detail, occurred_at, raised_at
                        FROM security_threat
                        WHERE organization_id = :org
                        ORDER BY occurred_at DESC, raised_at DESC, id
                        LIMIT :limit
                        """)
                .param("org", organizationId)
                .param("limit", limit)
                .query((rs, n) -> new Alert(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("actor"),
                        rs.getString("ip"),
                        rs.getString("detail"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("raised_at").toInstant()))
                .list();
    }
}
