package io.openhire.security.keys;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.security.KeysProperties;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organisation's data keys (AES-256), versioned, stored only wrapped by the key-encryption key
 * ({@code security_data_key}). One version is {@code ACTIVE} and encrypts; every version decrypts, so rotating never
 * breaks what was encrypted before. The first key is made on first use.
 *
 * <p>Wrapping happens before a transaction starts, because the key-encryption key may be Vault across the network
 * and no database connection is held across such a call. Inside the transaction an advisory lock per organisation
 * orders key changes, and a unique index on the organisation's {@code ACTIVE} row makes a second active key
 * impossible whatever happens.
 */
@Component
public class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    /** The advisory lock space of data-key changes; the second half of the lock is the organisation's hash. */
    private static final int LOCK_SPACE = 0x5EC0001;

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyEncryptionKeys keks;
    private final AuditTrail audit;
    private final Clock clock;
    private final DataKeyCache cache;

    DataKeys(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KeyEncryptionKeys keks,
            AuditTrail audit,
            KeysProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keks = keks;
        this.audit = audit;
        this.clock = clock;
        this.cache = new DataKeyCache(properties.cacheTtl(), clock);
    }

    /** A data key ready to use; {@link #toString()} leaves the key out. */
    record Key(int version, SecretKey secret) {

        @Override
        public String toString() {
            return "Key[version=" + version + "]";
        }
    }

    /** A row of {@code security_data_key}: a version of an organisation's data key, wrapped. */
    public record StoredKey(
            UUID organizationId,
            int version,
            KeyEncryptionKeys.Wrapped wrapped,
            String state,
            Instant createdAt,
            Instant retiredAt) {}

    /** The associated data of a wrapped key: moved to another organisation or version, it does not unwrap. */
    static String associated(UUID organizationId, int version) {
        return "openhire-data-key:" + organizationId + ":v" + version;
    }

    /** The organisation's active key, made now if it has none yet. */
    Key active(UUID organizationId) {
        StoredKey row = activeRow(organizationId).orElseGet(() -> createFirst(organizationId));
        return new Key(row.version(), secretOf(row));
    }

    /** The organisation's key of {@code version}, whatever its state; empty if it has no such version. */
    Optional<SecretKey> version(UUID organizationId, int version) {
        SecretKey cached = cache.get(organizationId, version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND version = :version")
                .param("org", organizationId)
                .param("version", version)
                .query(DataKeys::row)
                .optional()
                .map(this::secretOf);
    }

    /**
     * A key for {@code purpose} (tokenisation, say), derived with HMAC-SHA256 from the organisation's first data key:
     * the same after every rotation, so that what it computes (tokens) stays comparable, and never stored. The caller
     * zeroes it after use.
     */
    public byte[] derivedKey(UUID organizationId, String purpose) {
        Optional<SecretKey> first = version(organizationId, 1);
        if (first.isEmpty()) {
            active(organizationId); // the organisation's first key, made now
            first = version(organizationId, 1);
        }
        byte[] material = first.orElseThrow(() ->
                        new IllegalStateException("Organisation " + organizationId + " has data keys but no version 1"))
                .getEncoded();
        try {
            return Hmac.sha256(material, "openhire-derived-key:" + purpose);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** The organisation's key versions, newest first. */
    public List<StoredKey> versions(UUID organizationId) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org ORDER BY version DESC")
                .param("org", organizationId)
                .query(DataKeys::row)
                .list();
    }

    /**
     * A new active key for the caller's organisation; the one before is retired and keeps decrypting. Recorded in
     * the audit log ({@code security.key-rotated}) in the same transaction.
     */
    public StoredKey rotate(AuthenticatedUser caller) {
        UUID org = caller.organizationId();
        byte[] material = newKeyMaterial();
        try {
            // The version is part of what the wrap is bound to, so it is chosen before wrapping and checked again
            // under the lock: when another rotation took it meanwhile, wrap again for the next number.
            for (int attempt = 0; attempt < 3; attempt++) {
                int next = latestVersion(org) + 1;
                KeyEncryptionKeys.Wrapped wrapped = keks.wrap(material, associated(org, next));
                Optional<StoredKey> made = transactions.execute(status -> {
                    lock(org);
                    if (latestVersion(org) + 1 != next) {
                        return Optional.<StoredKey>empty();
                    }
                    Instant now = clock.instant();
                    jdbc.sql("""
                                    UPDATE security_data_key SET state = 'RETIRED', retired_at = :now
                                    WHERE organization_id = :org AND state = 'ACTIVE'
                                    """)
                            .param("org", org)
                            .param("now", Timestamp.from(now))
                            .update();
                    insert(org, next, wrapped, now);
                    audit.record(caller, "security.key-rotated", "data-key", next, AuditRecorded.Result.SUCCESS);
                    return Optional.of(new StoredKey(org, next, wrapped, "ACTIVE", now, null));
                });
                if (made.isPresent()) {
                    cache.put(org, next, new SecretKeySpec(material, "AES"));
                    log.info("Organisation {} has a new data key, version {}", org, next);
                    return made.get();
                }
            }
            throw DomainException.conflict(
                    "key-rotation-busy", "The organisation's key is being rotated by another request. Try again.");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Up to {@code limit} keys not wrapped with {@code kekId}, after ({@code afterOrg}, {@code afterVersion}). */
    List<StoredKey> wrappedWithOther(String kekId, UUID afterOrg, int afterVersion, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE kek_id <> :kek AND (organization_id, version) > (:org, :version)
                        ORDER BY organization_id, version
                        LIMIT :limit
                        """)
                .param("kek", kekId)
                .param("org", afterOrg)
                .param("version", afterVersion)
                .param("limit", limit)
                .query(DataKeys::row)
                .list();
    }

    /** Stores the key's new wrap, unless the row changed since it was read; true if it was stored. */
    boolean replaceWrap(StoredKey key, KeyEncryptionKeys.Wrapped now) {
        return jdbc.sql("""
                                UPDATE security_data_key SET wrapped_key = :wrapped, kek_id = :kek
                                WHERE organization_id = :org AND version = :version
                                  AND kek_id = :oldKek AND wrapped_key = :oldWrapped
                                """)
                        .param("wrapped", now.bytes())
                        .param("kek", now.kekId())
                        .param("org", key.organizationId())
                        .param("version", key.version())
                        .param("oldKek", key.wrapped().kekId())
                        .param("oldWrapped", key.wrapped().bytes())
                        .update()
                == 1;
    }

    private Optional<StoredKey> activeRow(UUID organizationId) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND state = 'ACTIVE'")
                .param("org", organizationId)
                .query(DataKeys::row)
                .optional();
    }

    /**
     * The organisation's first key. Two requests making it at once both insert; the first row stands (primary key
     * and the one-active index), and both use it.
     */
    private StoredKey createFirst(UUID organizationId) {
        byte[] material = newKeyMaterial();
        try {
            KeyEncryptionKeys.Wrapped wrapped = keks.wrap(material, associated(organizationId, 1));
            Boolean inserted = transactions.execute(status -> {
                lock(organizationId);
                return insertIfFirst(organizationId, wrapped, clock.instant()) == 1;
            });
            if (Boolean.TRUE.equals(inserted)) {
                cache.put(organizationId, 1, new SecretKeySpec(material, "AES"));
                log.info("Organisation {} has its first data key", organizationId);
            }
        } finally {
            Arrays.fill(material, (byte) 0);
        }
        return activeRow(organizationId)
                .orElseThrow(() -> new IllegalStateException(
                        "Organisation " + organizationId + " has data keys but none is active"));
    }

    private SecretKey secretOf(StoredKey row) {
        SecretKey cached = cache.get(row.organizationId(), row.version());
        if (cached != null) {
            return cached;
        }
        byte[] material = keks.unwrap(row.wrapped(), associated(row.organizationId(), row.version()));
        try {
            if (material.length != KEY_BYTES) {
                throw KeyServiceUnavailable.because("data key v" + row.version() + " of organisation "
                        + row.organizationId() + " unwrapped to " + material.length + " bytes, not 32");
            }
            SecretKey key = new SecretKeySpec(material, "AES");
            cache.put(row.organizationId(), row.version(), key);
            return key;
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private int latestVersion(UUID organizationId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM security_data_key WHERE organization_id = :org")
                .param("org", organizationId)
                .query(Integer.class)
                .single();
    }

    private void lock(UUID organizationId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:org))")
                .param("space", LOCK_SPACE)
                .param("org", organizationId.toString())
                .query()
                .singleValue();
    }

    private void insert(UUID organizationId, int version, KeyEncryptionKeys.Wrapped wrapped, Instant now) {
        jdbc.sql("""
                        INSERT INTO security_data_key (organization_id, version, wrapped_key, kek_id, state, created_at)
                        VALUES (:org, :version, :wrapped, :kek, 'ACTIVE', :now)
                        """)
                .param("org", organizationId)
                .param("version", version)
                .param("wrapped", wrapped.bytes())
                .param("kek", wrapped.kekId())
                .param("now", Timestamp.from(now))
                .update();
    }

    private int insertIfFirst(UUID organizationId, KeyEncryptionKeys.Wrapped wrapped, Instant now) {
        return jdbc.sql("""
                        INSERT INTO security_data_key (organization_id, version, wrapped_key, kek_id, state, created_at)
                        VALUES (:org, 1, :wrapped, :kek, 'ACTIVE', :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("org", organizationId)
                .param("wrapped", wrapped.bytes())
                .param("kek", wrapped.kekId())
                .param("now", Timestamp.from(now))
                .update();
    }

    private static byte[] newKeyMaterial() {
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        return material;
    }

    private static final String SELECT = """
            SELECT organization_id, version, wrapped_key, kek_id, state, created_at, retired_at
            FROM security_data_key
            """;

    private static StoredKey row(ResultSet rs, int n) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new StoredKey(
                rs.getObject("organization_id", UUID.class),
                rs.getInt("version"),
                new KeyEncryptionKeys.Wrapped(rs.getString("kek_id"), rs.getBytes("wrapped_key")),
                rs.getString("state"),
                rs.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant());
    }
}
