package io.openhire.storage.backups;

import io.openhire.platform.errors.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes backups: every service's database ({@link DatabaseDump}), every stored object, and (all-in-one) the key
 * files, into one encrypted file ({@link BackupFile}) under {@code openhire.storage.backups.directory}; lists them;
 * keeps the last of each of the latest {@code keep-daily} days and {@code keep-weekly} weeks before them
 * ({@link BackupRetention}). One backup at a time. The file is written as {@code .part} and renamed when complete,
 * so a backup that stops halfway (the machine, a full disk) is never taken for one.
 */
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupProperties properties;
    private final BackupObjects objects;
    private final JsonMapper json;
    private final Clock clock;
    private final String version;
    private final AtomicReference<String> running = new AtomicReference<>();

    public Backups(BackupProperties properties, BackupObjects objects, JsonMapper json, Clock clock, String version) {
        this.properties = properties;
        this.objects = objects;
        this.json = json;
        this.clock = clock;
        this.version = version;
    }

    public boolean configured() {
        return properties.configured();
    }

    /** The name the next backup will have, claimed so that a second start is refused (409). */
    public String claim() {
        requireConfigured();
        String name = "openhire-" + NAME.format(clock.instant()) + BackupFile.SUFFIX;
        if (!running.compareAndSet(null, name)) {
            throw DomainException.conflict("backup-running", "A backup is running (" + running.get() + ").");
        }
        if (Files.exists(Path.of(properties.directory()).resolve(name))) {
            running.set(null); // one was finished this very second: its name is taken
            throw DomainException.conflict("backup-just-taken", "A backup was taken this second; try again.");
        }
        return name;
    }

    /** Writes the claimed backup; always releases the claim. */
    public BackupInfo run(String name) {
        try {
            Path directory = Files.createDirectories(Path.of(properties.directory()));
            ownerOnly(directory, "rwx------");
            Path part = directory.resolve(name + ".part");
            Files.deleteIfExists(part);
            Files.createFile(part);
            ownerOnly(part, "rw-------"); // everyone's data: readable by this service's user only
            Instant started = clock.instant();
            List<BackupManifest.Database> databases = new ArrayList<>();
            BackupObjects.Copied copied;
            List<String> secrets = new ArrayList<>();
            try (BackupFile.Writer backup = new BackupFile.Writer(part, key(properties.key()))) {
                for (Map.Entry<String, BackupProperties.Database> database :
                        properties.databases().entrySet()) {
                    BackupProperties.Database where = database.getValue();
                    try (Connection connection =
                            DriverManager.getConnection(where.url(), where.username(), where.password())) {
                        databases.add(
                                DatabaseDump.dump(database.getKey(), connection, backup, properties.skipTables()));
                    }
                }
                copied = objects.copyInto(backup);
                if (properties.secretsDirectory() != null) {
                    secrets = copySecrets(Path.of(properties.secretsDirectory()), backup);
                }
                BackupManifest manifest = new BackupManifest(
                        BackupManifest.FORMAT, started, version, databases, copied.objects(), copied.bytes(), secrets);
                backup.entry(BackupFile.MANIFEST, json.writeValueAsBytes(manifest));
            } catch (IOException | SQLException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Path done = directory.resolve(name);
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
            BackupInfo info = info(done);
            log.info(
                    "Backup {} written in {} s: {} databases, {} rows, {} objects, {} MB",
                    name,
                    java.time.Duration.between(started, clock.instant()).toSeconds(),
                    info.databases(),
                    info.rows(),
                    info.objects(),
                    String.format(java.util.Locale.ROOT, "%.1f", info.sizeBytes() / 1e6));
            BackupRetention.prune(directory, properties.keepDaily(), properties.keepWeekly());
            return info;
        } catch (IOException | SQLException e) {
            log.error("Backup {} failed: {}", name, e.getMessage());
            throw DomainException.unavailable("backup-failed", "The backup could not be written: " + e.getMessage());
        } finally {
            running.set(null);
        }
    }

    /** Complete backups newest first, and the one being written. */
    public List<BackupInfo> list() {
        requireConfigured();
        List<BackupInfo> backups = new ArrayList<>();
        String now = running.get();
        if (now != null) {
            backups.add(new BackupInfo(now, "running", null, 0, 0, 0, 0, 0, version));
        }
        Path directory = Path.of(properties.directory());
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(BackupFile.SUFFIX))
                        .sorted(Comparator.comparing((Path f) -> f.getFileName().toString())
                                .reversed())
                        .forEach(f -> backups.add(info(f)));
            } catch (IOException e) {
                throw DomainException.unavailable("backups-unreadable", "The backup directory cannot be read.");
            }
        }
        return backups;
    }

    private BackupInfo info(Path file) {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        try (BackupFile.Reader reader = new BackupFile.Reader(file, key(properties.key()))) {
            BackupManifest manifest = json.readValue(reader.read(BackupFile.MANIFEST), BackupManifest.class);
            long rows = manifest.databases().stream()
                    .flatMap(d -> d.tables().values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
            return new BackupInfo(
                    name,
                    "complete",
                    manifest.createdAt(),
                    size,
                    manifest.databases().size(),
                    rows,
                    manifest.objects(),
                    manifest.objectBytes(),
                    manifest.version());
        } catch (IOException | RuntimeException e) {
            return new BackupInfo(name, "unreadable", null, size, 0, 0, 0, 0, null);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own permissions apply
        }
    }

    private static List<String> copySecrets(Path directory, BackupFile.Writer backup) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                try (OutputStream out = backup.entry("secrets/" + name)) {
                    Files.copy(file, out);
                }
                names.add(name);
            }
        }
        return names;
    }

    private void requireConfigured() {
        if (!configured()) {
            throw DomainException.conflict(
                    "backups-not-configured",
                    "Backups are not configured here (openhire.storage.backups.directory, key and databases); on"
                            + " Kubernetes the databases are backed up by CloudNativePG (deploy/README.md).");
        }
    }

    /** The backup key from its base64 form. */
    public static SecretKey key(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("openhire.storage.backups.key must be 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
