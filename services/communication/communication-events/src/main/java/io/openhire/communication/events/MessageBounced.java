package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The message did not arrive: a bounce (delivery status notification), a complaint, or the provider's
 * failure report. A permanent bounce or a complaint puts the address on the organisation's suppression list.
 *
 * @param reason why, in a sentence or as the remote server's status ("5.1.1 user unknown"), never the body
 * @param permanent true when sending again would not help (the address is suppressed)
 */
public record MessageBounced(
        UUID messageId,
        UUID organizationId,
        UUID candidateId,
        UUID jobId,
        Channel channel,
        String reason,
        boolean permanent,
        Instant occurredAt) {

    public static final String TOPIC = "message.bounced.v1";
}
