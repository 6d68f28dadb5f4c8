package io.openhire.identity.revocation;

import io.openhire.identity.IdentityProperties;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.security.RevocationList;
import io.openhire.platform.security.TokenRevocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Subjects whose access tokens stop working at once (a disabled user, a revoked API key, a withdrawn
 * operator grant). identity checks its own tokens against this table (kept in memory, see {@link #recent});
 * every other service reads the published, hashed list (platform-core's {@code PublishedRevocations})
 * within a few seconds.
 *
 * <p>Why a list rather than shorter tokens: access tokens stay at 15 minutes (a dashboard session renews
 * them quietly), and the list is short, since an entry matters only until the tokens issued before it
 * have expired.
 */
@Repository
public class Revocations implements TokenRevocations {

    /** A published entry: the subject's SHA-256 and the second up to which its tokens are refused. */
    private final JdbcClient jdbc;

    private final Clock clock;
    private final Duration tokenLifetime;
    /**
     * The entries that can still match an unexpired token, by subject: every request's token is checked
     * here, so a database query per request (a fifth of identity's throughput, bench/) is avoided. Read
     * again from the table every second (other identity instances' revocations), and changed at once
     * when this instance revokes, after its transaction commits.
     */
    private volatile Map<String, Instant> recent = Map.of();

    Revocations(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokenLifetime = properties.accessTokenTtl();
    }

    /** Every token of {@code subject} issued until now stops working. */
    public void revoke(String subject) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO revoked_subject (subject, not_before) VALUES (:subject, :now)
                        ON CONFLICT (subject) DO UPDATE SET not_before = greatest(revoked_subject.not_before, :now)
                        """)
                .param("subject", subject)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        Runnable remember = () -> remember(Map.of(subject, now));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
    }

    @Override
    public Optional<Instant> notBefore(String subject) {
        return Optional.ofNullable(recent.get(subject));
    }

    @Scheduled(initialDelay = 0, fixedDelay = 1_000)
    void reload() {
        Instant now = clock.instant();
        Map<String, Instant> read = new HashMap<>();
        jdbc.sql("SELECT subject, not_before FROM revoked_subject WHERE not_before > :since")
                .param("since", now.minus(tokenLifetime).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> read.put(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
        synchronized (this) {
            // A revocation committed while this was reading is in memory but maybe not in what was read.
            recent.forEach((subject, notBefore) -> {
                if (notBefore.isAfter(now.minusSeconds(10))) {
                    read.merge(subject, notBefore, (a, b) -> a.isAfter(b) ? a : b);
                }
            });
            recent = Map.copyOf(read);
        }
    }

    private synchronized void remember(Map<String, Instant> entries) {
        Map<String, Instant> more = new HashMap<>(recent);
        entries.forEach((subject, notBefore) -> more.merge(subject, notBefore, (a, b) -> a.isAfter(b) ? a : b));
        recent = Map.copyOf(more);
    }

    /**
     * The list every service reads: the entries in memory (the table's, re-read every second) younger
     * than the token lifetime (older ones can no longer match an unexpired token), subjects hashed.
     */
    public List<RevocationList.Entry> published() {
        Instant since = clock.instant().minus(tokenLifetime);
        return recent.entrySet().stream()
                .filter(e -> e.getValue().isAfter(since))
                .sorted(Map.Entry.comparingByValue())
                .map(e -> new RevocationList.Entry(
                        Sha256.hex(e.getKey()), e.getValue().getEpochSecond()))
                .toList();
    }

    /** Entries a day past any token lifetime are kept for the record, then dropped. */
    @Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
    void purgeOld() {
        jdbc.sql("DELETE FROM revoked_subject WHERE not_before < now() - interval '2 days'")
                .update();
    }
}
