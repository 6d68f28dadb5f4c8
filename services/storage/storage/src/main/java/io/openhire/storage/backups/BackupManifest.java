package io.openhire.storage.backups;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written into it as {@code manifest.json}: enough to restore it into an empty installation
 * (each database's schema version, to migrate to before loading rows) and to check the restore (row counts).
 *
 * @param format this layout's version
 * @param version the OpenHire build that wrote it
 * @param objects the object store's objects (documents, model artifacts) and their stored bytes
 * @param secrets the key files in it (all-in-one)
 */
public record BackupManifest(
        int format,
        Instant createdAt,
        String version,
        List<Database> databases,
        long objects,
        long objectBytes,
        List<String> secrets) {

    public static final int FORMAT = 1;

    public BackupManifest {
        databases = List.copyOf(databases);
        secrets = List.copyOf(secrets);
    }

    /**
     * @param schemaVersion the last Flyway migration applied (its version)
     * @param tables rows per table, as dumped
     * @param sequences each sequence's last value
     */
    public record Database(String name, String schemaVersion, Map<String, Long> tables, Map<String, Long> sequences) {}
}
