package io.openhire.communication.inbound;

import io.openhire.communication.client.MessageStatus;
import io.openhire.communication.client.MessageView;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.events.Channel;
import io.openhire.communication.events.MessageBounced;
import io.openhire.communication.events.MessageDelivered;
import io.openhire.communication.events.MessageReplied;
import io.openhire.communication.messages.Messages;
import io.openhire.platform.events.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What comes back: a reply joins its conversation, a delivery report moves its message to DELIVERED or
 * BOUNCED (a permanent bounce or a complaint suppresses the address). Each is recorded once with its event,
 * even when the same mail is read twice.
 */
@Service
class Inbound {

    private final Messages messages;
    private final Suppressions suppressions;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    Inbound(Messages messages, Suppressions suppressions, JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.messages = messages;
        this.suppressions = suppressions;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A reply to {@code original}.
     *
     * @param rfcMessageId the reply's own Message-ID (a reply read again is recognised by it)
     * @return whether it was new
     */
    @Transactional
    public boolean reply(MessageView original, String rfcMessageId, String from, String subject, String text) {
        UUID org = organizationOf(original);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean inserted = messages.insert(new Messages.NewMessage(
                id,
                org,
                original.candidateId(),
                original.jobId(),
                "INBOUND",
                Channel.EMAIL,
                original.kind(),
                from,
                original.from(),
                subject,
                text.isBlank() ? "(no text)" : text,
                MessageStatus.RECEIVED,
                null,
                rfcMessageId,
                original.id(),
                null,
                null,
                null,
                "inbound:email",
                now,
                null));
        if (!inserted) {
            return false; // read before
        }
        outbox.publish(
                MessageReplied.TOPIC,
                id.toString(),
                new MessageReplied(
                        id, org, original.candidateId(), original.jobId(), original.id(), Channel.EMAIL, now),
                org);
        return true;
    }

    /** A delivery report or complaint about {@code original}. */
    @Transactional
    public void report(MessageView original, MailParts.Report report) {
        UUID org = organizationOf(original);
        Instant now = clock.instant();
        if (report.delivered()) {
            if (move(original.id(), MessageStatus.DELIVERED, null, MessageStatus.SENT)) {
                outbox.publish(
                        MessageDelivered.TOPIC,
                        original.id().toString(),
                        new MessageDelivered(
                                original.id(), org, original.candidateId(), original.jobId(), Channel.EMAIL, now),
                        org);
            }
            return;
        }
        if (!report.failed()) {
            return; // "delayed" and the like: the server keeps trying
        }
        String reason = report.complaint()
                ? "the recipient reported it as spam"
                : (report.status() == null ? "bounced" : report.status())
                        + (report.diagnostic() == null ? "" : " " + report.diagnostic());
        if (reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        if (move(original.id(), MessageStatus.BOUNCED, reason, MessageStatus.SENT, MessageStatus.DELIVERED)) {
            if (report.permanent()) {
                suppressions.add(
                        org,
                        original.to(),
                        report.complaint() ? Suppressions.Reason.COMPLAINED : Suppressions.Reason.BOUNCED,
                        original.id());
            }
            outbox.publish(
                    MessageBounced.TOPIC,
                    original.id().toString(),
                    new MessageBounced(
                            original.id(),
                            org,
                            original.candidateId(),
                            original.jobId(),
                            Channel.EMAIL,
                            reason,
                            report.permanent(),
                            now),
                    org);
        }
    }

    private boolean move(UUID id, MessageStatus to, String reason, MessageStatus... from) {
        return jdbc.sql("""
                        UPDATE message SET status = :to, status_reason = :reason, updated_at = :now
                        WHERE id = :id AND status IN (:from)
                        """)
                        .param("id", id)
                        .param("to", to.name())
                        .param("reason", reason)
                        .param("now", Timestamp.from(clock.instant()))
                        .param(
                                "from",
                                java.util.Arrays.stream(from).map(Enum::name).toList())
                        .update()
                == 1;
    }

    private UUID organizationOf(MessageView message) {
        return messages.organizationOf(message.id());
    }
}
