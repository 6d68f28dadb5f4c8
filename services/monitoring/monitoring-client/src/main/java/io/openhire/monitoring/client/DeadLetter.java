package io.openhire.monitoring.client;

import java.time.Instant;
import java.util.UUID;

/**
 * One dead-lettered record, without its payload (events carry personal data): where it came from, what it was,
 * why it failed, and whether it was replayed.
 *
 * @param key the record's key (an entity id)
 * @param consumerGroup the group whose listener gave up on it
 * @param exceptionType the listener's exception (its cause, under Spring's wrapper)
 * @param exceptionMessage scrubbed of personal data and secrets
 * @param replay null until replayed
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        Instant deadLetteredAt,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String key,
        String eventId,
        String eventType,
        UUID organizationId,
        String consumerGroup,
        String exceptionType,
        String exceptionMessage,
        int payloadBytes,
        Replay replay) {

    /** A replay: when, by whom ({@code user:<id>}), and where the record went ({@code originalTopic}). */
    public record Replay(Instant replayedAt, String replayedBy, int partition, long offset) {}
}
