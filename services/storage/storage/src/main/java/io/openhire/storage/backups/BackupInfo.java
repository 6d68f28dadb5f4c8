package io.openhire.storage.backups;

import java.time.Instant;

/**
 * A backup as {@code GET /api/v1/backups} lists it.
 *
 * @param status {@code running}, {@code complete}, or {@code unreadable} (a file this key cannot read)
 * @param databases services whose databases it holds
 * @param rows rows over every table
 */
public record BackupInfo(
        String name,
        String status,
        Instant createdAt,
        long sizeBytes,
        int databases,
        long rows,
        long objects,
        long objectBytes,
        String version) {}
