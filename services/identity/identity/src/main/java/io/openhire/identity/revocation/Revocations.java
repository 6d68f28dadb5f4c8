package io.openhire.identity.revocation;

import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.security.TokenRevocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Subjects whose access tokens stop working at once (a disabled user, a revoked API key, a withdrawn
 * operator grant). identity checks its own tokens against this table directly; every other service reads
 * the published, hashed list (platform-core's {@code PublishedRevocations}) within a few seconds.
 *
 * <p>Why a list rather than shorter tokens: access tokens stay at 15 minutes (a dashboard session renews
 * them quietly), and the list is short, since an entry matters only until the tokens issued before it
 * have expired.
 */
@Repository
public class Revocations implements TokenRevocations {

    /** A published entry: the subject's SHA-256 and the second up to which its tokens are refused. */
    public record Entry(String subject, long notBefore) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Revocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every token of {@code subject} issued until now stops working. */
    public void revoke(String subject) {
        jdbc.sql("""
                        INSERT INTO revoked_subject (subject, not_before) VALUES (:subject, :now)
                        ON CONFLICT (subject) DO UPDATE SET not_before = greatest(revoked_subject.not_before, :now)
                        """)
                .param("subject", subject)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<Instant> notBefore(String subject) {
        return jdbc.sql("SELECT not_before FROM revoked_subject WHERE subject = :subject")
                .param("subject", subject)
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /** Entries younger than {@code tokenLifetime}: older ones can no longer match an unexpired token. */
    public List<Entry> published(Duration tokenLifetime) {
        return jdbc.sql("SELECT subject, not_before FROM revoked_subject WHERE not_before > :since ORDER BY not_before")
                .param("since", clock.instant().minus(tokenLifetime).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Entry(
                        Sha256.hex(rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toEpochSecond()))
                .list();
    }

    /** Entries a day past any token lifetime are kept for the record, then dropped. */
    @Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
    void purgeOld() {
        jdbc.sql("DELETE FROM revoked_subject WHERE not_before < now() - interval '2 days'")
                .update();
    }
}
