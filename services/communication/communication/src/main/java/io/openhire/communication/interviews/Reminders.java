package io.openhire.communication.interviews;

import io.openhire.communication.events.InterviewDue;
import io.openhire.communication.messages.Sending;
import io.openhire.platform.events.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends interview reminders from their persistent schedule: each due reminder is claimed and its email queued
 * in one transaction, so a restart loses none and none goes twice. A reminder whose time passed while the
 * service was down still goes, unless the interview has begun.
 */
@Component
class Reminders {

    /** The reminders a booked interview gets. */
    enum Kind {
        DAY_BEFORE(Duration.ofHours(24), "tomorrow"),
        HOUR_BEFORE(Duration.ofHours(1), "in an hour");

        private final Duration before;
        private final String phrase;

        Kind(Duration before, String phrase) {
            this.before = before;
            this.phrase = phrase;
        }

        Duration before() {
            return before;
        }
    }

    private record Due(UUID interviewId, Kind kind) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Interviews interviews;
    private final Sending sending;
    private final Outbox outbox;
    private final Clock clock;

    Reminders(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Interviews interviews,
            Sending sending,
            Outbox outbox,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.interviews = interviews;
        this.sending = sending;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${openhire.communication.reminders-every:PT30S}")
    void sendDue() {
        while (Boolean.TRUE.equals(transactions.execute(status -> sendSome()))) {
            // until nothing is due
        }
    }

    /** Claims up to 50 due reminders and queues their emails; answers whether there may be more. */
    private boolean sendSome() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        UPDATE interview_reminder SET sent_at = :now
                        WHERE (interview_id, kind) IN (
                            SELECT r.interview_id, r.kind FROM interview_reminder r
                            JOIN interview i ON i.id = r.interview_id
                            WHERE r.sent_at IS NULL AND r.due_at <= :now AND i.status = 'BOOKED' AND i.starts_at > :now
                            ORDER BY r.due_at LIMIT 50 FOR UPDATE OF r SKIP LOCKED)
                        RETURNING interview_id, kind
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Due(rs.getObject("interview_id", UUID.class), Kind.valueOf(rs.getString("kind"))))
                .list();
        for (Due d : due) {
            Interviews.Stored interview = interviews.byId(d.interviewId()).orElse(null);
            if (interview == null) {
                continue;
            }
            String text = "Hello" + (interview.candidateName() == null ? "" : " " + interview.candidateName())
                    + ",\n\na reminder: your interview \"" + interview.title() + "\" is " + d.kind().phrase + ", "
                    + interview.when(interview.startsAt()) + "."
                    + (interview.location() == null ? "" : "\nWhere: " + interview.location()) + "\n";
            sending.queueTransactional(
                    interview.organizationId(),
                    interview.candidateId(),
                    interview.jobId(),
                    interview.candidateEmail(),
                    "Reminder: " + interview.title(),
                    text,
                    null,
                    "communication:reminder");
            if (d.kind() == Kind.HOUR_BEFORE) {
                // the organisation's people hear of it too (notification), in the same transaction
                outbox.publish(
                        InterviewDue.TOPIC,
                        interview.id().toString(),
                        new InterviewDue(
                                interview.id(),
                                interview.organizationId(),
                                interview.candidateId(),
                                interview.jobId(),
                                interview.startsAt(),
                                now),
                        interview.organizationId());
            }
        }
        return due.size() == 50;
    }
}
