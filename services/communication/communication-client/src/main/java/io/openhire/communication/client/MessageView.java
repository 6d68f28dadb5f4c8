package io.openhire.communication.client;

import io.openhire.communication.events.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of a thread, either way.
 *
 * @param direction {@code OUTBOUND} (sent by the organisation) or {@code INBOUND} (a reply)
 * @param statusReason why it failed or bounced, or a logged call's outcome; null otherwise
 * @param inReplyTo for an inbound message, the outbound one it answers
 * @param readAt when a recruiter read an inbound message; null while unread
 */
public record MessageView(
        UUID id,
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
        UUID inReplyTo,
        UUID templateId,
        Integer templateVersion,
        String createdBy,
        Instant createdAt,
        Instant sentAt,
        Instant readAt) {}
