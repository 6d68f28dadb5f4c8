package io.openhire.communication.sms;

import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.MessageStatus;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.events.Channel;
import io.openhire.communication.events.MessageBounced;
import io.openhire.communication.events.MessageDelivered;
import io.openhire.communication.events.MessageReplied;
import io.openhire.communication.messages.Messages;
import io.openhire.platform.events.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SMS provider tells us: an SMS from a candidate (a reply, or a STOP/START keyword) and the delivery
 * status of ours. An inbound SMS belongs to the conversation of the latest SMS sent to that number; each is
 * recorded once (by the provider's id) with its event.
 */
@Service
public class SmsInbound {

    /** The keywords carriers and providers treat as opt-out and opt-in (CTIA). */
    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

    static final Set<String> START = Set.of("START", "UNSTOP", "YES");

    /** The last SMS we sent to a number: whose conversation a reply joins. */
    record LastSent(UUID id, UUID organizationId, UUID candidateId, UUID jobId) {}

    private final JdbcClient jdbc;
    private final Messages messages;
    private final Suppressions suppressions;
    private final Outbox outbox;
    private final Clock clock;

    SmsInbound(JdbcClient jdbc, Messages messages, Suppressions suppressions, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An SMS from {@code from} (E.164); answers false when no conversation knows the number (it is ignored). */
    @Transactional
    public boolean received(String providerId, String from, String to, String body) {
        Optional<LastSent> last =
                jdbc.sql("""
                        SELECT id, organization_id, candidate_id, job_id FROM message
                        WHERE channel = 'SMS' AND direction = 'OUTBOUND' AND to_address = :from
                        ORDER BY created_at DESC LIMIT 1
                        """).param("from", from).query(SmsInbound::lastSent).optional();
        if (last.isEmpty()) {
            return false;
        }
        LastSent sent = last.get();
        String keyword = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (STOP.contains(keyword)) {
            suppressions.add(sent.organizationId(), from, Suppressions.Reason.STOPPED, sent.id());
        } else if (START.contains(keyword)) {
            suppressions.remove(sent.organizationId(), from, Suppressions.Reason.STOPPED);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean inserted = messages.insert(new Messages.NewMessage(
                id,
                sent.organizationId(),
                sent.candidateId(),
                sent.jobId(),
                "INBOUND",
                Channel.SMS,
                MessageKind.TRANSACTIONAL,
                from,
                to,
                null,
                body == null || body.isBlank() ? "(empty)" : body.strip(),
                MessageStatus.RECEIVED,
                null,
                // the provider's id as this message's unique id: a webhook delivered twice is recorded once
                "<" + providerId + "@sms.provider>",
                sent.id(),
                null,
                null,
                null,
                "inbound:sms",
                now,
                null));
        if (inserted) {
            outbox.publish(
                    MessageReplied.TOPIC,
                    id.toString(),
                    new MessageReplied(
                            id, sent.organizationId(), sent.candidateId(), sent.jobId(), sent.id(), Channel.SMS, now),
                    sent.organizationId());
        }
        return true;
    }

    /** The provider's delivery status of one of our SMS: delivered, or undelivered/failed with its error code. */
    @Transactional
    public void status(String providerId, String status, String errorCode) {
        Optional<LastSent> message = jdbc.sql("""
                        SELECT id, organization_id, candidate_id, job_id FROM message WHERE provider_id = :provider
                        """)
                .param("provider", providerId)
                .query(SmsInbound::lastSent)
                .optional();
        if (message.isEmpty()) {
            return;
        }
        LastSent m = message.get();
        Instant now = clock.instant();
        if ("delivered".equals(status)) {
            if (move(m.id(), "DELIVERED", null)) {
                outbox.publish(
                        MessageDelivered.TOPIC,
                        m.id().toString(),
                        new MessageDelivered(m.id(), m.organizationId(), m.candidateId(), m.jobId(), Channel.SMS, now),
                        m.organizationId());
            }
        } else if ("undelivered".equals(status) || "failed".equals(status)) {
            String reason = "the carrier did not deliver it" + (errorCode == null ? "" : " (error " + errorCode + ")");
            if (move(m.id(), "BOUNCED", reason)) {
                outbox.publish(
                        MessageBounced.TOPIC,
                        m.id().toString(),
                        new MessageBounced(
                                m.id(),
                                m.organizationId(),
                                m.candidateId(),
                                m.jobId(),
                                Channel.SMS,
                                reason,
                                false,
                                now),
                        m.organizationId());
            }
        }
    }

    private boolean move(UUID id, String to, String reason) {
        return jdbc.sql("""
                        UPDATE message SET status = :to, status_reason = :reason, updated_at = :now
                        WHERE id = :id AND status IN ('SENT', 'DELIVERED') AND status <> :to
                        """)
                        .param("id", id)
                        .param("to", to)
                        .param("reason", reason)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private static LastSent lastSent(ResultSet rs, int row) throws SQLException {
        return new LastSent(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("candidate_id", UUID.class),
                rs.getObject("job_id", UUID.class));
    }
}
