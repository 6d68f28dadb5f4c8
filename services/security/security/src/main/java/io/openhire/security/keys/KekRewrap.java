package io.openhire.security.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves every organisation's data keys to the current key-encryption key: each key unwrapped with the KEK it was
 * wrapped with and wrapped again with the current one (with Vault, by Vault's own re-wrap), row by row. The data keys
 * themselves do not change, so nothing encrypted with them needs touching and requests go on meanwhile: a row is read
 * under its old wrap or its new one, and both unwrap as long as the old KEK is still configured.
 *
 * <p>Runs hourly ({@code openhire.keys.rewrap-interval}) and when a platform operator asks. A Postgres advisory lock
 * lets one instance at a time do it; the lock is held by a connection of its own, in a transaction that does nothing
 * else (rolled back at the end, which releases it), while the rows are updated one by one in short transactions.
 */
@Component
public class KekRewrap {

    private static final Logger log = LoggerFactory.getLogger(KekRewrap.class);
    private static final long LOCK = 0x5EC0CE4BL;
    private static final int BATCH = 100;
    /** With the key service away every row would fail: a run stops after this many, and the next run tries again. */
    static final int MAX_FAILURES = 20;

    private final DataSource dataSource;
    private final DataKeys dataKeys;
    private final KeyEncryptionKeys keks;

    KekRewrap(DataSource dataSource, DataKeys dataKeys, KeyEncryptionKeys keks) {
        this.dataSource = dataSource;
        this.dataKeys = dataKeys;
        this.keks = keks;
    }

    /** What a run did: the KEK every key should now be wrapped with, how many were moved, how many could not be. */
    public record Run(String kekId, int rewrapped, int failed) {}

    @Scheduled(
            initialDelayString = "${openhire.keys.rewrap-interval:PT1H}",
            fixedDelayString = "${openhire.keys.rewrap-interval:PT1H}")
    void scheduled() {
        try {
            exclusively(false).ifPresent(run -> {
                if (run.rewrapped() > 0 || run.failed() > 0) {
                    log.info(
                            "Data keys re-wrapped under {}: {} moved, {} could not be",
                            run.kekId(),
                            run.rewrapped(),
                            run.failed());
                }
            });
        } catch (RuntimeException e) {
            // the key service or the database is away: the next run tries again
            log.warn("Data key re-wrap did not run: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * A new key-encryption key where the provider makes one (Vault), then every data key re-wrapped under the current
     * one; waits for a run that is in progress elsewhere.
     */
    public Run rotate() {
        keks.rotate();
        return exclusively(true).orElseThrow();
    }

    /** The re-wrap under the lock; empty when {@code wait} is false and another instance holds it. */
    private Optional<Run> exclusively(boolean wait) {
        try (Connection lockHolder = dataSource.getConnection()) {
            lockHolder.setAutoCommit(false);
            try {
                if (!lock(lockHolder, wait)) {
                    return Optional.empty();
                }
                return Optional.of(rewrapAll());
            } finally {
                lockHolder.rollback(); // ends the transaction and with it the lock
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot take the data-key re-wrap lock", e);
        }
    }

    private static boolean lock(Connection connection, boolean wait) throws SQLException {
        String sql = wait ? "SELECT pg_advisory_xact_lock(?), true" : "SELECT true, pg_try_advisory_xact_lock(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(2);
            }
        }
    }

    private Run rewrapAll() {
        String current = keks.currentId();
        int rewrapped = 0;
        int failed = 0;
        UUID afterOrg = new UUID(0, 0);
        int afterVersion = 0;
        while (failed < MAX_FAILURES) {
            List<DataKeys.StoredKey> batch = dataKeys.wrappedWithOther(current, afterOrg, afterVersion, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (DataKeys.StoredKey key : batch) {
                afterOrg = key.organizationId();
                afterVersion = key.version();
                try {
                    KeyEncryptionKeys.Wrapped now =
                            keks.rewrap(key.wrapped(), DataKeys.associated(key.organizationId(), key.version()));
                    if (dataKeys.replaceWrap(key, now)) {
                        rewrapped++;
                    }
                } catch (KeyServiceUnavailable e) {
                    failed++;
                    log.warn(
                            "Data key v{} of organisation {} stays wrapped with {}",
                            key.version(),
                            key.organizationId(),
                            key.wrapped().kekId());
                    if (failed >= MAX_FAILURES) {
                        break;
                    }
                }
            }
        }
        return new Run(current, rewrapped, failed);
    }
}
