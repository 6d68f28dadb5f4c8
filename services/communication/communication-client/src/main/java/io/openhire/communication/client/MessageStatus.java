package io.openhire.communication.client;

/**
 * Where a message is. Outbound: {@code QUEUED} → {@code SENDING} → {@code SENT} → {@code DELIVERED} or
 * {@code BOUNCED}; {@code FAILED} when it could not be sent (after retries, or refused: suppressed, no consent).
 * Inbound: {@code RECEIVED}. A logged call: {@code LOGGED}.
 */
public enum MessageStatus {
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    BOUNCED,
    FAILED,
    RECEIVED,
    LOGGED
}
