package io.openhire.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.openhire.identity.IdentityProperties;
import io.openhire.platform.crypto.AesGcm;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys access tokens are signed with, kept in the database (private halves encrypted) so that
 * every identity instance signs with the same key and a restart keeps them.
 *
 * <p>Rotation: when the active key is older than {@code openhire.identity.keys.rotation-period}, a new
 * key becomes active and the old one is retired. A retired key stays in the JWKS for one access-token
 * lifetime (plus a margin), so tokens it signed stay valid until they expire.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration MARGIN = Duration.ofMinutes(5);
    /** Advisory lock id: only one instance rotates at a time. */
    private static final long ROTATION_LOCK = 0x0B1DE57L;

    private final JdbcClient jdbc;
    private final AesGcm cipher;
    private final IdentityProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private volatile Snapshot snapshot;

    /** The active key and the published set, cached: read on every login and every token check. */
    record Snapshot(RSAKey active, Instant activeSince, JWKSet published, Instant loadedAt) {}

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = AesGcm.fromBase64Key(
                "openhire.identity.keys.master-key", properties.keys().masterKey());
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs new tokens (private and public halves). */
    public RSAKey active() {
        return current().active();
    }

    /** The public keys tokens may be verified with: the active one and recently retired ones. */
    public JWKSet published() {
        return current().published();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plusSeconds(60).isBefore(clock.instant())) {
            s = reload();
        }
        return s;
    }

    @Override
    public void afterSingletonsInstantiated() {
        rotateIfDue(); // before the first login can ask for a key
    }

    /** Makes sure there is an active key that is not due for rotation. Runs at start and hourly. */
    @Scheduled(initialDelay = 3_600_000, fixedDelay = 3_600_000)
    public void rotateIfDue() {
        Snapshot s = snapshot != null ? snapshot : reloadOrNull();
        if (s == null
                || s.activeSince().plus(properties.keys().rotationPeriod()).isBefore(clock.instant())) {
            rotate();
        }
    }

    /** Creates a new active key and retires the previous ones. */
    public synchronized String rotate() {
        return transactions.execute(status -> rotateInTransaction());
    }

    private String rotateInTransaction() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", ROTATION_LOCK)
                .query()
                .singleValue();
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(java.util.Date.from(clock.instant()))
                    .generate();
            byte[] encrypted = cipher.seal(key.toRSAPrivateKey().getEncoded(), key.getKeyID());
            jdbc.sql("UPDATE signing_key SET retired_at = :now WHERE retired_at IS NULL")
                    .param("now", OffsetDateTime.now(clock))
                    .update();
            jdbc.sql("""
                            INSERT INTO signing_key (kid, public_jwk, private_key, created_at)
                            VALUES (:kid, :jwk, :key, :now)
                            """)
                    .param("kid", key.getKeyID())
                    .param("jwk", key.toPublicJWK().toJSONString())
                    .param("key", encrypted)
                    .param("now", OffsetDateTime.now(clock))
                    .update();
            log.info("Signing key {} is now active", key.getKeyID());
            snapshot = null;
            return key.getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private Snapshot reloadOrNull() {
        try {
            return reload();
        } catch (IllegalStateException noKey) {
            return null;
        }
    }

    private synchronized Snapshot reload() {
        Instant now = clock.instant();
        OffsetDateTime oldestPublished =
                OffsetDateTime.now(clock).minus(properties.accessTokenTtl()).minus(MARGIN);
        record Row(String kid, String jwk, byte[] key, Instant created, boolean retired) {}
        List<Row> rows = jdbc.sql("""
                        SELECT kid, public_jwk, private_key, created_at, retired_at IS NOT NULL
                        FROM signing_key
                        WHERE retired_at IS NULL OR retired_at > :oldest
                        ORDER BY created_at DESC
                        """)
                .param("oldest", oldestPublished)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(5)))
                .list();
        Row activeRow = rows.stream()
                .filter(r -> !r.retired())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No active signing key"));
        try {
            List<JWK> published = new ArrayList<>();
            for (Row row : rows) {
                published.add(JWK.parse(row.jwk()));
            }
            RSAKey publicHalf = RSAKey.parse(activeRow.jwk());
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(cipher.open(activeRow.key(), activeRow.kid())));
            RSAKey active =
                    new RSAKey.Builder(publicHalf).privateKey(privateKey).build();
            Snapshot s = new Snapshot(active, activeRow.created(), new JWKSet(published), now);
            snapshot = s;
            return s;
        } catch (ParseException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key cannot be read", e);
        }
    }
}
