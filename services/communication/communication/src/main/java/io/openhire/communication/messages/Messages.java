package io.openhire.communication.messages;

import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.MessageStatus;
import io.openhire.communication.client.MessageView;
import io.openhire.communication.events.Channel;
import io.openhire.platform.errors.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The message table: every message of every conversation, and the outbound queue. */
@Repository
public class Messages {

    /** A new message as written to the table. */
    public record NewMessage(
            UUID id,
            UUID organizationId,
            UUID candidateId,
            UUID jobId,
            String direction,
            Channel channel,
            MessageKind kind,
            String from,
            String to,
            String subject,
            String body,
            MessageStatus status,
            String statusReason,
            String rfcMessageId,
            UUID inReplyTo,
            UUID templateId,
            Integer templateVersion,
            UUID batchId,
            String createdBy,
            Instant at,
            String calendar) {}

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the message; answers false (and changes nothing) when one with its Message-ID is already here. */
    public boolean insert(NewMessage m) {
        return jdbc.sql("""
                        INSERT INTO message (id, organization_id, candidate_id, job_id, direction, channel, kind,
                            from_address, to_address, subject, body, status, status_reason, next_attempt_at,
                            rfc_message_id, in_reply_to, template_id, template_version, batch_id, created_by,
                            created_at, updated_at, calendar)
                        VALUES (:id, :org, :candidate, :job, :direction, :channel, :kind, :from, :to, :subject, :body,
                            :status, :reason, :next, :rfc, :inReplyTo, :template, :templateVersion, :batch, :by,
                            :at, :at, :calendar)
                        ON CONFLICT (rfc_message_id) DO NOTHING
                        """)
                        .param("id", m.id())
                        .param("org", m.organizationId())
                        .param("candidate", m.candidateId())
                        .param("job", m.jobId())
                        .param("direction", m.direction())
                        .param("channel", m.channel().name())
                        .param("kind", m.kind().name())
                        .param("from", m.from())
                        .param("to", m.to())
                        .param("subject", m.subject())
                        .param("body", m.body())
                        .param("status", m.status().name())
                        .param("reason", m.statusReason())
                        .param("next", m.status() == MessageStatus.QUEUED ? Timestamp.from(m.at()) : null)
                        .param("rfc", m.rfcMessageId())
                        .param("inReplyTo", m.inReplyTo())
                        .param("template", m.templateId())
                        .param("templateVersion", m.templateVersion())
                        .param("batch", m.batchId())
                        .param("by", m.createdBy())
                        .param("at", Timestamp.from(m.at()))
                        .param("calendar", m.calendar())
                        .update()
                == 1;
    }

    public MessageView get(UUID org, UUID id) {
        return find(org, id).orElseThrow(() -> DomainException.notFound("The message"));
    }

    public Optional<MessageView> find(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM message WHERE organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(Messages::view)
                .optional();
    }

    /** The outbound message an email's In-Reply-To or References names, in whatever organisation. */
    public Optional<MessageView> byRfcMessageId(String rfcMessageId) {
        return jdbc.sql("SELECT * FROM message WHERE rfc_message_id = :rfc AND direction = 'OUTBOUND'")
                .param("rfc", rfcMessageId)
                .query(Messages::view)
                .optional();
    }

    /** The same, among one organisation's messages (a mail in its own mailbox answers only those). */
    public Optional<MessageView> byRfcMessageId(String rfcMessageId, UUID organizationId) {
        if (organizationId == null) {
            return byRfcMessageId(rfcMessageId);
        }
        return jdbc.sql("""
                        SELECT * FROM message
                        WHERE rfc_message_id = :rfc AND direction = 'OUTBOUND' AND organization_id = :org
                        """)
                .param("rfc", rfcMessageId)
                .param("org", organizationId)
                .query(Messages::view)
                .optional();
    }

    /** The organisation of a message, by id alone (for the public unsubscribe link, whose token is checked). */
    public Optional<MessageView> anyOrganization(UUID id) {
        return jdbc.sql("SELECT * FROM message WHERE id = :id")
                .param("id", id)
                .query(Messages::view)
                .optional();
    }

    /** The organisation a message belongs to (for messages found by an id from outside). */
    public UUID organizationOf(UUID id) {
        return jdbc.sql("SELECT organization_id FROM message WHERE id = :id")
                .param("id", id)
                .query(UUID.class)
                .single();
    }

    /** Every message with the candidate, oldest first. */
    public List<MessageView> thread(UUID org, UUID candidateId) {
        return jdbc.sql("""
                        SELECT * FROM message WHERE organization_id = :org AND candidate_id = :candidate
                        ORDER BY created_at, id
                        """)
                .param("org", org)
                .param("candidate", candidateId)
                .query(Messages::view)
                .list();
    }

    static MessageView view(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp read = rs.getTimestamp("read_at");
        return new MessageView(
                rs.getObject("id", UUID.class),
                rs.getObject("candidate_id", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getString("direction"),
                Channel.valueOf(rs.getString("channel")),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("from_address"),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("body"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getObject("in_reply_to", UUID.class),
                rs.getObject("template_id", UUID.class),
                rs.getObject("template_version", Integer.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(),
                read == null ? null : read.toInstant());
    }
}
