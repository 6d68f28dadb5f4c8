package io.openhire.storage.backups;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openhire.storage.backups.*}: where backups go and what they hold. Unset {@code directory} or {@code key}
 * and backups are off (the API says so): on Kubernetes, CloudNativePG backs the databases up and the bucket is
 * versioned (deploy/README.md).
 *
 * @param directory where backup files are written (the all-in-one: {@code <data>/backups})
 * @param key base64 of 32 random bytes that encrypts every backup; keep a copy away from the machine, a backup cannot
 *     be read without it
 * @param schedule when the daily backup runs (cron, UTC); "-" for never
 * @param keepDaily how many of the latest days keep their last backup
 * @param keepWeekly how many weeks before those keep their last backup
 * @param databases each service's database by service name: the JDBC URL and a user that may read every table
 * @param secretsDirectory the all-in-one's key files, put into every backup (a restored installation needs them to
 *     read what it restored); empty in distributed mode, where secrets live in the platform's secret store
 * @param skipTables {@code service.table} entries not backed up: diagnostics kept for hours (monitoring's spans),
 *     restored empty
 */
@ConfigurationProperties("openhire.storage.backups")
public record BackupProperties(
        String directory,
        String key,
        String schedule,
        int keepDaily,
        int keepWeekly,
        Map<String, Database> databases,
        String secretsDirectory,
        java.util.Set<String> skipTables) {

    public BackupProperties {
        databases = databases == null ? Map.of() : Map.copyOf(databases);
        keepDaily = keepDaily <= 0 ? 7 : keepDaily;
        keepWeekly = keepWeekly < 0 ? 4 : keepWeekly;
        directory = directory == null || directory.isBlank() ? null : directory;
        secretsDirectory = secretsDirectory == null || secretsDirectory.isBlank() ? null : secretsDirectory;
        skipTables = skipTables == null ? java.util.Set.of() : java.util.Set.copyOf(skipTables);
    }

    public boolean configured() {
        return directory != null && key != null && !key.isBlank() && !databases.isEmpty();
    }

    public record Database(String url, String username, String password) {}
}
