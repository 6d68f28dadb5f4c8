package io.openhire.communication.consent;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.client.ConsentView;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Addresses an organisation must not write to, and marketing consent. The suppression list always wins: a
 * message to a suppressed address is refused when asked for and, if the address was suppressed meanwhile,
 * when its turn to be sent comes.
 *
 * <p>A suppressed address is kept in clear or, once its owner had their data erased, only as a keyed hash
 * ({@link #hashed}): the person must still never be written to again, but the organisation no longer holds their
 * address. Every check looks for both forms.
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

    /** What a hashed address starts with (an email address or an E.164 number never does). */
    public static final String HASHED = "hmac:";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKeySpec hashKey;

    Suppressions(JdbcClient jdbc, Clock clock, CommunicationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hashKey = hashKey(properties.key());
    }

    /** The reason the address is suppressed in the organisation (in clear or as its hash), if it is. */
    public Optional<Reason> of(UUID org, String address) {
        return jdbc.sql("""
                        SELECT reason FROM suppression
                        WHERE organization_id = :org AND address IN (:address, :hashed)
                        ORDER BY created_at LIMIT 1
                        """)
                .param("org", org)
                .param("address", normal(address))
                .param("hashed", hashed(org, address))
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
        jdbc.sql("""
                        DELETE FROM suppression
                        WHERE organization_id = :org AND address IN (:address, :hashed) AND reason = :reason
                        """)
                .param("org", org)
                .param("address", normal(address))
                .param("hashed", hashed(org, address))
                .param("reason", reason.name())
                .update();
    }

    /**
     * Keeps the address's suppression only as its keyed hash (the same reason and date, no message): for a
     * person whose data is erased and who must still not be written to. Answers whether one was kept in clear.
     */
    public boolean keepOnlyHashed(UUID org, String address) {
        String normal = normal(address);
        jdbc.sql("""
                        INSERT INTO suppression (organization_id, address, reason, message_id, created_at)
                        SELECT organization_id, :hashed, reason, NULL, created_at FROM suppression
                        WHERE organization_id = :org AND address = :address
                        ON CONFLICT DO NOTHING
                        """)
                .param("org", org)
                .param("address", normal)
                .param("hashed", hashed(org, normal))
                .update();
        return jdbc.sql("DELETE FROM suppression WHERE organization_id = :org AND address = :address")
                        .param("org", org)
                        .param("address", normal)
                        .update()
                > 0;
    }

    /**
     * The address as kept once its owner's data is erased: HMAC-SHA256 under a key derived from
     * {@code openhire.communication.key}, over the organisation and the address (the same address gives another
     * value in another organisation, and nobody without the key can test an address against it).
     */
    public String hashed(UUID org, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            byte[] digest = mac.doFinal((org + ":" + normal(address)).getBytes(StandardCharsets.UTF_8));
            return HASHED + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
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

    /** A key of its own for the hashes, derived from the service key (which signs the unsubscribe links). */
    private static SecretKeySpec hashKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "openhire.communication.key is not set (base64 of 32 random bytes; OPENHIRE_COMMUNICATION_KEY)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.strip()), "HmacSHA256"));
            byte[] derived =
                    mac.doFinal("openhire communication suppressed addresses v1".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
