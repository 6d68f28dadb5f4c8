package io.openhire.communication.client;

import java.util.List;
import java.util.UUID;

/**
 * What a bulk send did, per candidate, in the order asked.
 *
 * @param queued how many messages were queued
 */
public record BulkAccepted(UUID batchId, int queued, List<Recipient> recipients) {

    /**
     * @param messageId the queued message, or null when skipped
     * @param skipped why nothing was queued ({@code no-address}, {@code suppressed}, {@code no-consent},
     *     {@code unknown-candidate}), or null
     */
    public record Recipient(UUID candidateId, UUID messageId, String skipped) {}
}
