package io.openhire.storage.backups;

import io.openhire.storage.objects.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a backup into an empty installation (the all-in-one's {@code ./openhire restore}; a test): each database built
 * by its service's own migrations up to the backup's schema version and filled with the backup's rows, the objects
 * put back, the key files written. Everything here needs the installation stopped: nothing may write meanwhile.
 */
public final class Restore implements AutoCloseable {

    private final BackupFile.Reader backup;
    private final BackupManifest manifest;

    private Restore(BackupFile.Reader backup, BackupManifest manifest) {
        this.backup = backup;
        this.manifest = manifest;
    }

    /** Opens a backup; fails (IOException) when the key is not its key or the file is damaged. */
    public static Restore open(Path file, SecretKey key) throws IOException {
        BackupFile.Reader backup = new BackupFile.Reader(file, key);
        try {
            BackupManifest manifest =
                    JsonMapper.builder().build().readValue(backup.read(BackupFile.MANIFEST), BackupManifest.class);
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new IOException("This backup's format (" + manifest.format() + ") is not one this build reads");
            }
            return new Restore(backup, manifest);
        } catch (IOException | RuntimeException e) {
            backup.close();
            throw e instanceof IOException io ? io : new IOException("The backup's manifest cannot be read", e);
        }
    }

    public BackupManifest manifest() {
        return manifest;
    }

    /**
     * Builds {@code service}'s schema in the empty database at {@code url} with its migrations (classpath
     * {@code db/migration/platform} and {@code db/migration/<service>}) up to the backup's version, then loads the
     * rows. Answers the rows loaded per table; fails when they are not the rows the backup counted.
     */
    public Map<String, Long> database(String service, String url, String username, String password)
            throws IOException, SQLException {
        BackupManifest.Database database = manifest.databases().stream()
                .filter(d -> d.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new IOException("The backup has no database of " + service));
        if (database.schemaVersion() != null) {
            Flyway.configure()
                    .dataSource(url, username, password)
                    .locations("classpath:db/migration/platform", "classpath:db/migration/" + service)
                    .target(database.schemaVersion())
                    .load()
                    .migrate();
        }
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            Map<String, Long> loaded = DatabaseDump.restore(database, connection, backup);
            if (!loaded.equals(database.tables())) {
                throw new IOException("The rows loaded into " + service + " are not the rows backed up: " + loaded
                        + " instead of " + database.tables());
            }
            return loaded;
        }
    }

    /** Every object back into {@code store}; answers how many. */
    public long objects(ObjectStore store) throws IOException {
        long restored = BackupObjects.restore(backup, store);
        if (restored != manifest.objects()) {
            throw new IOException("The backup lists " + manifest.objects() + " objects but holds " + restored);
        }
        return restored;
    }

    /** The key files into {@code directory} (owner-only), as the installation had them. */
    public List<String> secrets(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> written = new ArrayList<>();
        for (String name : manifest.secrets()) {
            Path file = directory.resolve(name).normalize();
            if (!file.getParent().equals(directory.normalize()) || name.contains("/")) {
                throw new IOException("The backup's secret " + name + " is not a plain file name");
            }
            Files.write(file, backup.read("secrets/" + name));
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own permissions apply
            }
            written.add(name);
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        backup.close();
    }
}
