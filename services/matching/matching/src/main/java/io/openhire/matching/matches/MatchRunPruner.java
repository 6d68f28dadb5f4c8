package io.openhire.matching.matches;

import io.openhire.matching.MatchingProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the match lists shown more than {@code match-run-retention} ago (every list a recruiter asks for is
 * stored, with a row per line), so that the tables do not grow without end. Across organisations: retention
 * is the platform's rule. Oldest first, {@value #BATCH} runs per statement, each statement its own short
 * transaction (their lines go with them, {@code ON DELETE CASCADE}), so that no lock is held for long; rows
 * another instance is deleting at the same time are skipped, not waited for.
 *
 * <p>Feedback is not touched: it keeps its own copy of what was shown (run id, rank, score, categories).
 * Feedback on a pair whose runs are gone is joined to the match as it stands now.
 */
@Component
class MatchRunPruner {

    private static final Logger log = LoggerFactory.getLogger(MatchRunPruner.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchRunPruner(JdbcClient jdbc, MatchingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Hourly; the first a while after the start, which has enough to do. */
    @Scheduled(initialDelay = 10, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void pruneRegularly() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Deleted {} match lists older than {}", deleted, properties.matchRunRetention());
            }
        } catch (RuntimeException e) {
            log.warn("Deleting old match lists failed, next try in an hour: {}", e.toString());
        }
    }

    /**
     * Deletes every run older than the retention, batch by batch.
     *
     * @return how many runs were deleted
     */
    int prune() {
        Instant cutoff = clock.instant().minus(properties.matchRunRetention());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM match_run WHERE id IN (
                                SELECT id FROM match_run WHERE created_at < :cutoff
                                ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                            """)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", BATCH)
                    .update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
