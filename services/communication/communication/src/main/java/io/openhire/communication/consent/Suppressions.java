package io.openhire.communication.consent;

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

    /** Email addresses compare case-insensitively. */
    public static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
