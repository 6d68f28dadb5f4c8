package io.openhire.notification.digests;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.SendAccepted;
import io.openhire.communication.client.SendRequest;
import io.openhire.communication.events.Channel;
import io.openhire.notification.NotificationProperties;
import io.openhire.notification.client.EmailDelivery;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Notifications by email, sent through communication. Two steps, each safe to repeat:
 *
 * <ol>
 *   <li><b>Compose</b>: per person, the unread notifications of the types they get {@code INSTANT}ly (every
 *       {@code email-every}) or {@code DAILY} (once a day from {@code daily-digest-at}, UTC) become one email
 *       row, written in the transaction that moves the person's watermark past them: each notification is
 *       emailed at most once, none is skipped.
 *   <li><b>Deliver</b>: each email row is handed to communication with its id as the {@code Idempotency-Key},
 *       so a retry after a crash or a timeout is the same message, never a second one; a refusal (e.g. a
 *       suppressed address) is final and recorded.
 * </ol>
 */
@Component
class EmailDigests {

    private static final Logger log = LoggerFactory.getLogger(EmailDigests.class);
    /**
     * Notifications are considered once they are this old: one created in a transaction that commits a moment
     * after the watermark moved would otherwise be passed over.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** The most notifications listed in one email (the rest are on the page it links to). */
    static final int MOST_LISTED = 50;
    /** How long a delivery may take before another pass takes the email up again. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Due(UUID userId, UUID organizationId, String email, Instant from) {}

    private record Listed(String title, String text, String link) {}

    private record Email(UUID id, UUID organizationId, String to, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CommunicationApi communication;
    private final ServiceAccount serviceAccount;
    private final NotificationProperties properties;
    private final Clock clock;

    EmailDigests(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CommunicationApi communication,
            ServiceAccount serviceAccount,
            NotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.communication = communication;
        this.serviceAccount = serviceAccount;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${openhire.notification.email-every:PT30S}",
            fixedDelayString = "${openhire.notification.email-every:PT30S}")
    void run() {
        try {
            compose(EmailDelivery.INSTANT);
            if (!clock.instant().atOffset(ZoneOffset.UTC).toLocalTime().isBefore(properties.dailyDigestAt())) {
                compose(EmailDelivery.DAILY);
            }
            deliver();
        } catch (RuntimeException e) {
            log.warn("Emailing notifications failed, next try in {}: {}", properties.emailEvery(), e.toString());
        }
    }

    /** Composes the emails of everyone due for this kind; answers how many emails were written. */
    int compose(EmailDelivery mode) {
        // one cut for the whole pass: a person done in it is not due again in it
        Instant now = clock.instant();
        int written = 0;
        while (true) {
            Integer one = transactions.execute(status -> composeOne(mode, now));
            if (one == null || one < 0) {
                return written;
            }
            written += one;
        }
    }

    /** One person (locked, so two instances never both write): 1 email written, 0 none, -1 nobody is due. */
    private int composeOne(EmailDelivery mode, Instant now) {
        Instant upTo = now.minus(SETTLE);
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        String watermark = mode == EmailDelivery.INSTANT ? "instant_up_to" : "daily_up_to";
        String notYetToday =
                mode == EmailDelivery.DAILY ? " AND (p.daily_sent_on IS NULL OR p.daily_sent_on < :today)" : "";
        Due due = jdbc.sql("SELECT p.user_id, p.organization_id, p.email, p." + watermark + " AS since"
                        + " FROM notification_person p WHERE p.email IS NOT NULL AND p." + watermark + " < :upTo"
                        + notYetToday
                        + " AND EXISTS (SELECT 1 FROM notification_setting s WHERE s.user_id = p.user_id"
                        + " AND s.email = :mode) ORDER BY p." + watermark + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("upTo", Timestamp.from(upTo))
                .param("today", java.sql.Date.valueOf(today))
                .param("mode", mode.name())
                .query((rs, i) -> new Due(
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("email"),
                        rs.getTimestamp("since").toInstant()))
                .optional()
                .orElse(null);
        if (due == null) {
            return -1;
        }
        List<Listed> unread = jdbc.sql("""
                        SELECT n.title, n.body, n.link FROM notification n
                        JOIN notification_setting s ON s.user_id = :user AND s.type = n.type AND s.email = :mode
                        LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
                        WHERE (n.organization_id = :org OR n.organization_id IS NULL)
                          AND (n.user_id IS NULL OR n.user_id = :user)
                          AND n.created_at > :from AND n.created_at <= :upTo AND r.read_at IS NULL
                        ORDER BY n.created_at DESC, n.id
                        """)
                .param("user", due.userId())
                .param("org", due.organizationId())
                .param("mode", mode.name())
                .param("from", Timestamp.from(due.from()))
                .param("upTo", Timestamp.from(upTo))
                .query((rs, i) -> new Listed(rs.getString("title"), rs.getString("body"), rs.getString("link")))
                .list();
        int written = 0;
        if (!unread.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO notification_email (id, organization_id, user_id, to_address, subject, body,
                                created_at, next_attempt_at)
                            VALUES (:id, :org, :user, :to, :subject, :body, :now, :now)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", due.organizationId())
                    .param("user", due.userId())
                    .param("to", due.email())
                    .param("subject", subject(mode, unread, now))
                    .param("body", body(unread))
                    .param("now", Timestamp.from(now))
                    .update();
            written = 1;
        }
        jdbc.sql("UPDATE notification_person SET " + watermark + " = :upTo"
                        + (mode == EmailDelivery.DAILY ? ", daily_sent_on = :today" : "") + " WHERE user_id = :user")
                .param("upTo", Timestamp.from(upTo))
                .param("today", java.sql.Date.valueOf(today))
                .param("user", due.userId())
                .update();
        return written;
    }

    private static String subject(EmailDelivery mode, List<Listed> unread, Instant now) {
        if (mode == EmailDelivery.DAILY) {
            return "Your OpenHire digest for " + DAY.format(now) + ": " + count(unread.size());
        }
        return unread.size() == 1 ? "OpenHire: " + unread.getFirst().title() : "OpenHire: " + count(unread.size());
    }

    private static String count(int n) {
        return n == 1 ? "1 notification" : n + " notifications";
    }

    /** Plain text; a notification's own words never become template variables in communication. */
    private String body(List<Listed> unread) {
        String dashboard = properties.dashboardUrl().toString().replaceAll("/+$", "");
        StringBuilder text = new StringBuilder("Hello,\n\nwhat happened in OpenHire while you were away:\n\n");
        for (Listed n : unread.subList(0, Math.min(MOST_LISTED, unread.size()))) {
            text.append("* ").append(n.title());
            if (n.text() != null && !n.text().isBlank()) {
                text.append(" - ").append(n.text().strip());
            }
            text.append('\n');
            if (n.link() != null) {
                text.append("  ").append(dashboard).append(n.link()).append('\n');
            }
            text.append('\n');
        }
        if (unread.size() > MOST_LISTED) {
            text.append("… and ").append(unread.size() - MOST_LISTED).append(" more.\n\n");
        }
        text.append("All your notifications: ")
                .append(dashboard)
                .append("/notifications\n")
                .append("Choose what you get by email on the same page.\n");
        return text.toString().replace("{{", "{ {");
    }

    /** Hands the composed emails to communication; answers how many it accepted. */
    int deliver() {
        int accepted = 0;
        while (true) {
            List<Email> claimed = transactions.execute(status -> claim());
            if (claimed == null || claimed.isEmpty()) {
                return accepted;
            }
            for (Email email : claimed) {
                accepted += deliver(email) ? 1 : 0;
            }
        }
    }

    /** Takes up to 20 due emails for a while (the lease): another pass takes them again only if this one died. */
    private List<Email> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE notification_email SET next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM notification_email
                                     WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
                                     ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
                        RETURNING id, organization_id, to_address, subject, body, attempts
                        """)
                .param("lease", Timestamp.from(now.plus(LEASE)))
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Email(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    /** No transaction is held while communication answers. */
    private boolean deliver(Email email) {
        SendRequest request = new SendRequest(
                Channel.EMAIL,
                null,
                email.to(),
                null,
                email.subject(),
                email.body(),
                null,
                Map.of(),
                MessageKind.TRANSACTIONAL);
        try {
            SendAccepted sent = serviceAccount.onBehalfOf(
                    email.organizationId(), () -> communication.send(email.id().toString(), request));
            jdbc.sql("UPDATE notification_email SET sent_at = :now, message_id = :message WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("message", sent.messageId())
                    .param("id", email.id())
                    .update();
            return true;
        } catch (HttpClientErrorException refused) {
            // final: a suppressed or invalid address, say; the problem's title is not personal data
            jdbc.sql("UPDATE notification_email SET failed_at = :now, last_error = :error WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("error", refused.getStatusCode().value() + " " + refused.getStatusText())
                    .param("id", email.id())
                    .update();
            log.info("communication refused notification email {}: {}", email.id(), refused.getStatusCode());
            return false;
        } catch (DomainException | RestClientException unavailable) {
            // 5 s, 10 s, 20 s … at most an hour: a blip costs seconds, an outage is not hammered
            int attempts = email.attempts() + 1;
            Duration backOff = Duration.ofSeconds(Math.min(3_600, 5L << Math.min(attempts - 1, 10)));
            log.warn(
                    "communication did not take notification email {} (attempt {}), next try in {}: {}",
                    email.id(),
                    attempts,
                    backOff,
                    unavailable.getMessage());
            jdbc.sql("""
                            UPDATE notification_email SET attempts = :attempts, next_attempt_at = :next,
                                last_error = :error WHERE id = :id
                            """)
                    .param("attempts", attempts)
                    .param("next", Timestamp.from(clock.instant().plus(backOff)))
                    .param("error", unavailable.getClass().getSimpleName() + ": " + unavailable.getMessage())
                    .param("id", email.id())
                    .update();
            return false;
        }
    }

    /** Forgets emails older than the notifications' retention (daily). */
    @Scheduled(initialDelayString = "PT6M", fixedDelayString = "P1D")
    void prune() {
        jdbc.sql("DELETE FROM notification_email WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(properties.retention())))
                .update();
    }
}
