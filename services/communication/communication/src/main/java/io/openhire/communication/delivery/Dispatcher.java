package io.openhire.communication.delivery;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.MessageStatus;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.events.Channel;
import io.openhire.communication.events.MessageSent;
import io.openhire.communication.mailaccounts.MailAccounts;
import io.openhire.communication.mailaccounts.MailSessions;
import io.openhire.communication.sms.Twilio;
import io.openhire.platform.events.Outbox;
import jakarta.annotation.PreDestroy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queue. Each round claims due QUEUED messages (SENDING, committed, {@code SKIP LOCKED} so that
 * several instances share the work), sends them over one SMTP connection, and marks each SENT with its
 * {@code message.sent.v1} in one transaction. A failure the server may get over (a 4xx, no connection) is
 * retried with a doubling wait; after {@code max-attempts}, or on a permanent refusal (5xx), the message is
 * FAILED with the reason.
 *
 * <p>A message still SENDING after {@code sending-lease} was cut off by a stop or a crash: it is queued again
 * and goes out with the same Message-ID. Only a crash between the server's acceptance and the commit sends it
 * twice; receivers and mail clients recognise the repeat by its Message-ID. A live batch slower than the lease
 * does not send twice either: each message's claim (its status and attempt) is checked and renewed just before
 * it goes out, and only the claim's holder marks it.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** A message claimed for sending. */
    record Claimed(
            UUID id,
            UUID organizationId,
            UUID candidateId,
            UUID jobId,
            Channel channel,
            MessageKind kind,
            String from,
            String to,
            String subject,
            String body,
            String rfcMessageId,
            int attempts,
            String calendar) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final MailServer mail;
    private final MailAccounts accounts;
    private final Emails emails;
    private final Suppressions suppressions;
    private final Twilio twilio;
    private final CommunicationProperties properties;
    private final Clock clock;
    private final ExecutorService workers;

    Dispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Outbox outbox,
            MailServer mail,
            MailAccounts accounts,
            Emails emails,
            Suppressions suppressions,
            Twilio twilio,
            CommunicationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.mail = mail;
        this.accounts = accounts;
        this.emails = emails;
        this.suppressions = suppressions;
        this.twilio = twilio;
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(
                Math.max(1, properties.dispatchWorkers()),
                Thread.ofPlatform()
                        .name("communication-dispatch-", 0)
                        .daemon(true)
                        .factory());
    }

    @Scheduled(fixedDelayString = "${openhire.communication.dispatch-every:PT0.5S}")
    void round() {
        requeueCutOff();
        if (properties.dispatchWorkers() <= 1) {
            drain();
            return;
        }
        // Several workers, each with its own SMTP connection, claim batches of their own (SKIP LOCKED) until the
        // queue is empty: the mail server's round trips overlap.
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < properties.dispatchWorkers(); i++) {
            running.add(workers.submit(this::drain));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("A dispatch worker stopped: {}", e.getCause().toString());
            }
        }
    }

    /** Claims and sends batches until a batch comes back short. */
    private void drain() {
        List<Claimed> claimed;
        do {
            claimed = claim();
            if (!claimed.isEmpty()) {
                send(claimed);
            }
        } while (claimed.size() == properties.dispatchBatch());
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdownNow();
    }

    /** Messages left SENDING by a stop or crash go back to the queue. */
    void requeueCutOff() {
        Instant now = clock.instant();
        int requeued = jdbc.sql("""
                        UPDATE message SET status = 'QUEUED', next_attempt_at = :now, updated_at = :now
                        WHERE status = 'SENDING' AND updated_at < :cutoff
                        """)
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(now.minus(properties.sendingLease())))
                .update();
        if (requeued > 0) {
            log.info("{} message(s) cut off while sending are queued again (same Message-ID)", requeued);
        }
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE message SET status = 'SENDING', attempts = attempts + 1, updated_at = :now
                        WHERE id IN (
                            SELECT id FROM message WHERE status = 'QUEUED' AND next_attempt_at <= :now
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, organization_id, candidate_id, job_id, channel, kind, from_address, to_address,
                            subject, body, rfc_message_id, attempts, calendar
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", properties.dispatchBatch())
                .query((rs, i) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("candidate_id", UUID.class),
                        rs.getObject("job_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        MessageKind.valueOf(rs.getString("kind")),
                        rs.getString("from_address"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("rfc_message_id"),
                        rs.getInt("attempts"),
                        rs.getString("calendar")))
                .list();
    }

    private void send(List<Claimed> claimed) {
        claimed.stream().filter(m -> m.channel() == Channel.SMS).forEach(this::sendSms);
        // Each organisation's email through its own mail server, if it has one; the platform's otherwise.
        Map<UUID, List<Claimed>> emailsByOrganization = new LinkedHashMap<>();
        claimed.stream()
                .filter(m -> m.channel() == Channel.EMAIL)
                .forEach(m -> emailsByOrganization
                        .computeIfAbsent(m.organizationId(), o -> new ArrayList<>())
                        .add(m));
        emailsByOrganization.forEach(this::sendEmails);
    }

    private void sendEmails(UUID organizationId, List<Claimed> batch) {
        Optional<CommunicationProperties.Mail> own = accounts.ownMail(organizationId);
        CommunicationProperties.Mail server = own.orElse(mail.settings());
        if (own.isPresent() && !accounts.mayConnect(server.smtpHost())) {
            accounts.recordError(organizationId, "The SMTP server's name now points to a private address.");
            batch.forEach(m -> retryOrFail(m, "the organisation's mail server is not allowed (a private address)"));
            return;
        }
        // One session and one connection for the batch; each message is built in the same session.
        Session session = MailSessions.smtp(server);
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(
                    server.smtpHost(),
                    server.smtpPort(),
                    blankToNull(server.smtpUser()),
                    blankToNull(server.smtpPassword()));
        } catch (MessagingException e) {
            log.warn(
                    "Cannot reach the mail server {}:{} ({}){}; {} message(s) wait",
                    server.smtpHost(),
                    server.smtpPort(),
                    e.getClass().getSimpleName(),
                    own.isPresent() ? " of organisation " + organizationId : "",
                    batch.size());
            if (own.isPresent()) {
                accounts.recordError(
                        organizationId,
                        e instanceof AuthenticationFailedException
                                ? "The SMTP server refused the user name or password."
                                : "The SMTP server could not be reached.");
            }
            batch.forEach(m -> retryOrFail(m, "the mail server could not be reached"));
            return;
        }
        if (own.isPresent()) {
            accounts.clearError(organizationId);
        }
        try {
            for (Claimed m : batch) {
                sendOne(session, transport, m, server.replyTo());
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
        }
    }

    private void sendOne(Session session, Transport transport, Claimed m, String replyTo) {
        if (!stillOurs(m)) {
            return; // this batch took longer than the lease: another worker queued it again and sends it
        }
        if (suppressions.of(m.organizationId(), m.to()).isPresent()) {
            finish(m, MessageStatus.FAILED, "suppressed: the address was put on the suppression list meanwhile");
            return;
        }
        try {
            var mime = emails.build(session, m, replyTo);
            mime.saveChanges();
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (SendFailedException e) {
            boolean permanent =
                    e.getNextException() instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500;
            if (permanent) {
                finish(m, MessageStatus.FAILED, "refused by the mail server: " + oneLine(e.getNextException()));
            } else {
                retryOrFail(m, "the mail server refused it for now: " + oneLine(e));
            }
            return;
        } catch (MessagingException e) {
            retryOrFail(m, "sending failed: " + e.getClass().getSimpleName());
            return;
        }
        markSent(m, null);
    }

    /** One SMS through the provider; its status callbacks come back to the webhook. */
    private void sendSms(Claimed m) {
        if (!stillOurs(m)) {
            return;
        }
        if (suppressions.of(m.organizationId(), m.to()).isPresent()) {
            finish(m, MessageStatus.FAILED, "suppressed: the number was put on the suppression list meanwhile");
            return;
        }
        if (!twilio.configured()) {
            finish(m, MessageStatus.FAILED, "no SMS provider is configured any more");
            return;
        }
        try {
            String id = twilio.send(
                    m.to(),
                    m.body(),
                    properties.publicUrl().replaceAll("/+$", "") + "/api/v1/communications/sms/twilio/status");
            markSent(m, id);
        } catch (Twilio.Refused e) {
            if (e.permanent()) {
                finish(m, MessageStatus.FAILED, e.getMessage());
            } else {
                retryOrFail(m, e.getMessage());
            }
        }
    }

    /**
     * Renews the claim on a message just before it goes out, and answers whether it is still this worker's: a
     * batch slower than {@code sending-lease} finds its late messages queued again by another worker, which then
     * sends them; this one must not too.
     */
    private boolean stillOurs(Claimed m) {
        return jdbc.sql("""
                                UPDATE message SET updated_at = :now
                                WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
                                """)
                        .param("id", m.id())
                        .param("attempts", m.attempts())
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** SENT, with its event, in one transaction (only if the claim is still this worker's: one event per message). */
    private void markSent(Claimed m, String providerId) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int marked = jdbc.sql("""
                            UPDATE message SET status = 'SENT', status_reason = NULL, sent_at = :now, updated_at = :now,
                                next_attempt_at = NULL, provider_id = :provider
                            WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
                            """)
                    .param("id", m.id())
                    .param("attempts", m.attempts())
                    .param("now", Timestamp.from(now))
                    .param("provider", providerId)
                    .update();
            if (marked == 0) {
                return; // requeued meanwhile (a lease run out): whoever sends it now marks it
            }
            outbox.publish(
                    MessageSent.TOPIC,
                    m.id().toString(),
                    new MessageSent(
                            m.id(),
                            m.organizationId(),
                            m.candidateId(),
                            m.jobId(),
                            m.channel(),
                            m.kind() == MessageKind.MARKETING,
                            now),
                    m.organizationId());
        });
    }

    private void retryOrFail(Claimed m, String reason) {
        if (m.attempts() >= properties.maxAttempts()) {
            finish(m, MessageStatus.FAILED, reason + " (after " + m.attempts() + " attempts)");
            return;
        }
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(m.attempts() - 1, 16));
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE message SET status = 'QUEUED', status_reason = :reason, next_attempt_at = :next,
                            updated_at = :now
                        WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
                        """)
                .param("id", m.id())
                .param("attempts", m.attempts())
                .param("reason", reason)
                .param("next", Timestamp.from(now.plus(wait)))
                .param("now", Timestamp.from(now))
                .update();
    }

    private void finish(Claimed m, MessageStatus status, String reason) {
        jdbc.sql("""
                        UPDATE message SET status = :status, status_reason = :reason, next_attempt_at = NULL,
                            updated_at = :now
                        WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
                        """)
                .param("id", m.id())
                .param("attempts", m.attempts())
                .param("status", status.name())
                .param("reason", reason)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
