package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A candidate answered: an inbound email matched to the message it replies to (its In-Reply-To or References),
 * or an inbound SMS from a number the organisation wrote to. No body in the event.
 *
 * @param messageId the inbound message (also the Kafka key)
 * @param inReplyTo the outbound message it answers, or null when matched by sender only (SMS)
 */
public record MessageReplied(
        UUID messageId,
        UUID organizationId,
        UUID candidateId,
        UUID jobId,
        UUID inReplyTo,
        Channel channel,
        Instant occurredAt) {

    public static final String TOPIC = "message.replied.v1";
}
