package io.openhire.communication.consent;

import io.openhire.communication.client.ConsentView;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Addresses an organisation must not write to, and marketing consent. The suppression list always wins: a
 * message to a suppressed address is refused when asked for and, if the address was suppressed meanwhile,
 * when its turn to be sent comes.
 */
@Service
public class Suppressions {

    /** Why an address is suppressed. */
    public enum Reason {
        BOUNCED,
        COMPLAINED,
        UNSUBSCRIBED,
        STOPPED
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Suppressions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The reason the address is suppressed in the organisation, if it is. */
    public Optional<Reason> of(UUID org, String address) {
        return jdbc.sql("SELECT reason FROM suppression WHERE organization_id = :org AND address = :address")
                .param("org", org)
                .param("address", normal(address))
                .query(String.class)
                .optional()
                .map(Reason::valueOf);
    }

    /** Suppresses the address (the first reason stays). */
    public void add(UUID org, String address, Reason reason, UUID messageId) {
        jdbc.sql("""
                        INSERT INTO suppression (organization_id, address, reason, message_id, created_at)
                        VALUES (:org, :address, :reason, :message, :now) ON CONFLICT DO NOTHING
                        """)
                .param("org", org)
                .param("address", normal(address))
                .param("reason", reason.name())
                .param("message", messageId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Lifts a suppression of this reason only (an SMS "START" undoes its "STOP", not a bounce or an unsubscribe). */
    public void remove(UUID org, String address, Reason reason) {
        jdbc.sql("DELETE FROM suppression WHERE organization_id = :org AND address = :address AND reason = :reason")
                .param("org", org)
                .param("address", normal(address))
                .param("reason", reason.name())
                .update();
    }

    /** Whether the address has granted marketing consent (and not withdrawn it). */
    public boolean hasMarketingConsent(UUID org, String address) {
        return jdbc.sql("""
                        SELECT granted FROM marketing_consent WHERE organization_id = :org AND address = :address
                        """)
                .param("org", org)
                .param("address", normal(address))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Records consent (or its withdrawal) with how it was given and by whom; the latest word counts. */
    public void recordConsent(UUID org, String address, boolean granted, String source, String actor) {
        jdbc.sql("""
                        INSERT INTO marketing_consent (organization_id, address, granted, source, recorded_by, recorded_at)
                        VALUES (:org, :address, :granted, :source, :actor, :now)
                        ON CONFLICT (organization_id, address) DO UPDATE SET granted = :granted, source = :source,
                            recorded_by = :actor, recorded_at = :now
                        """)
                .param("org", org)
                .param("address", normal(address))
                .param("granted", granted)
                .param("source", source)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The consent as recorded, with the suppression that overrides it; empty record when nothing was said. */
    public ConsentView consent(UUID org, String address) {
        String normal = normal(address);
        String suppressed = of(org, normal).map(Enum::name).orElse(null);
        return jdbc.sql("""
                        SELECT * FROM marketing_consent WHERE organization_id = :org AND address = :address
                        """)
                .param("org", org)
                .param("address", normal)
                .query((rs, i) -> new ConsentView(
                        normal,
                        rs.getBoolean("granted"),
                        rs.getString("source"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        suppressed))
                .optional()
                .orElse(new ConsentView(normal, false, null, null, null, suppressed));
    }

    /** Email addresses compare case-insensitively. */
    public static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
