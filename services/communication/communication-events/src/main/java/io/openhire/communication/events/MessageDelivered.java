package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The recipient's mail server (a delivery status notification) or the SMS provider reported the message
 * delivered.
 */
public record MessageDelivered(
        UUID messageId, UUID organizationId, UUID candidateId, UUID jobId, Channel channel, Instant occurredAt) {

    public static final String TOPIC = "message.delivered.v1";
}
