package io.openhire.matching.matches;

import io.openhire.matching.MatchingProperties;
import io.openhire.matching.events.StrongMatchFound;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.platform.events.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces the open jobs a new resume ranks high for ({@code match.strong-match-found.v1}), so that people
 * following those jobs hear of the candidate without asking. A new resume leaves a row in
 * {@code strong_match_check} (written with the resume); once the resume is searchable with its vector, it is
 * ranked against the organisation's jobs as a recruiter would see them, and the jobs at or above
 * {@code strong-match-floor} are published in the transaction that deletes the row: once per resume, none lost
 * to a restart.
 */
@Component
class StrongMatches {

    /** At most this many jobs are announced per resume (its best). */
    static final int JOBS_PER_RESUME = 5;
    /** A resume whose vector is not computed after this long is matched by its words alone. */
    static final Duration VECTOR_WAIT = Duration.ofMinutes(5);

    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final int BATCH = 20;

    private record Check(UUID resumeId, UUID organizationId, Instant storedAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CandidateStore candidates;
    private final MatchService matches;
    private final Outbox outbox;
    private final MatchingProperties properties;
    private final Clock clock;

    StrongMatches(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CandidateStore candidates,
            MatchService matches,
            Outbox outbox,
            MatchingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.candidates = candidates;
        this.matches = matches;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${openhire.matching.strong-match-every:PT5S}")
    void announceDue() {
        while (Boolean.TRUE.equals(transactions.execute(status -> announceSome()))) {
            // until nothing more is due
        }
    }

    /** Takes up to {@value #BATCH} due checks; answers whether more may be due. */
    private boolean announceSome() {
        Instant now = clock.instant();
        List<Check> due = jdbc.sql("""
                        SELECT resume_id, organization_id, stored_at FROM strong_match_check
                        WHERE due_at <= :now ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now))
                .param("batch", BATCH)
                .query((rs, i) -> new Check(
                        rs.getObject("resume_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getTimestamp("stored_at").toInstant()))
                .list();
        for (Check check : due) {
            Optional<CandidateStore.StoredCandidate> candidate =
                    candidates.find(check.organizationId(), check.resumeId());
            Optional<List<MatchService.StrongMatch>> found = candidate.isEmpty()
                    ? Optional.of(List.of()) // deleted since
                    : matches.strongMatches(
                            check.organizationId(),
                            candidate.get(),
                            properties.strongMatchFloor(),
                            JOBS_PER_RESUME,
                            now.isBefore(check.storedAt().plus(VECTOR_WAIT)));
            if (found.isEmpty()) {
                jdbc.sql("UPDATE strong_match_check SET due_at = :later WHERE resume_id = :id")
                        .param("later", Timestamp.from(now.plus(RETRY)))
                        .param("id", check.resumeId())
                        .update();
                continue;
            }
            for (MatchService.StrongMatch match : found.get()) {
                outbox.publish(
                        StrongMatchFound.TOPIC,
                        match.jobId().toString(),
                        new StrongMatchFound(
                                check.organizationId(),
                                match.jobId(),
                                candidate.get().facts().candidateId(),
                                check.resumeId(),
                                match.score(),
                                now),
                        check.organizationId());
            }
            jdbc.sql("DELETE FROM strong_match_check WHERE resume_id = :id")
                    .param("id", check.resumeId())
                    .update();
        }
        return due.size() == BATCH;
    }
}
