package io.openhire.communication.client;

import java.time.Instant;

/**
 * An address's marketing consent as recorded, and whether the address is suppressed (which wins over consent).
 *
 * @param suppressedBecause {@code BOUNCED}, {@code COMPLAINED}, {@code UNSUBSCRIBED}, {@code STOPPED}, or null
 */
public record ConsentView(
        String address,
        boolean granted,
        String source,
        String recordedBy,
        Instant recordedAt,
        String suppressedBecause) {}
