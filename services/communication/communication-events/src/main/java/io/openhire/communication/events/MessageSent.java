package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A message left OpenHire: the mail server or SMS provider accepted it. No body, subject or address: a
 * consumer that needs them reads the thread from communication's API.
 *
 * @param messageId the message (also the Kafka key)
 * @param candidateId the candidate it went to, or null for a message to an address only
 * @param jobId the job it is about, or null
 * @param marketing true for a marketing message (sent only with consent), false for a transactional one
 */
public record MessageSent(
        UUID messageId,
        UUID organizationId,
        UUID candidateId,
        UUID jobId,
        Channel channel,
        boolean marketing,
        Instant occurredAt) {

    public static final String TOPIC = "message.sent.v1";
}
