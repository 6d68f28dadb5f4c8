package io.openhire.launcher;

import io.openhire.storage.backups.BackupManifest;
import io.openhire.storage.backups.Backups;
import io.openhire.storage.backups.Restore;
import io.openhire.storage.objects.FileSystemObjectStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./openhire restore <backup> [--key-file=FILE] [--data-dir=DIR]}: a backup (storage's {@code .ohbackup})
 * into a new, empty data directory — every database built by its service's migrations and filled, every object and
 * key file put back — ready for {@code ./openhire start --data-dir=DIR}. The key is the backup key ({@code
 * secrets/backup.key} of the installation that took it): given, or found beside the backup's directory.
 *
 * <p>Never into a data directory in use or with data in it: a restore that mixed two installations' rows would be
 * worse than none. A restore that fails removes what it wrote, so it can simply be run again.
 */
final class RestoreCommand {

    static final String BACKUP_KEY = "backup.key";
    /** privacy's ledger of completed erasures, kept beside the backups (copy it off the machine with them). */
    static final String ERASURE_LEDGER = "erasures.ledger";

    /**
     * @param erasures privacy's erasure ledger: every erasure in it the backup does not know is done again when the
     *     restored platform starts (by default the ledger beside the backup)
     */
    record Options(Path backup, Path keyFile, Path dataDir, Path erasures) {
        static Options parse(String[] args) {
            Path backup = null;
            Path keyFile = null;
            Path erasures = null;
            Path dataDir = Path.of(System.getenv().getOrDefault("OPENHIRE_DATA_DIR", "openhire-data"));
            for (String arg : args) {
                if (arg.equals("restore")) {
                    continue;
                } else if (arg.startsWith("--key-file=")) {
                    keyFile = Path.of(arg.substring("--key-file=".length()));
                } else if (arg.startsWith("--erasures=")) {
                    erasures = Path.of(arg.substring("--erasures=".length()));
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(arg.substring("--data-dir=".length()));
                } else if (!arg.startsWith("--") && backup == null) {
                    backup = Path.of(arg);
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg
                            + " (usage: restore BACKUP [--key-file=FILE] [--erasures=FILE] [--data-dir=DIR])");
                }
            }
            if (backup == null) {
                throw new IllegalArgumentException(
                        "Which backup? (usage: restore BACKUP [--key-file=FILE] [--erasures=FILE] [--data-dir=DIR])");
            }
            if (keyFile == null) {
                // the installation that took it: <data>/backups/x.ohbackup and <data>/secrets/backup.key
                Path parent = backup.toAbsolutePath().getParent();
                keyFile = parent == null || parent.getParent() == null
                        ? Path.of(BACKUP_KEY)
                        : parent.getParent().resolve("secrets").resolve(BACKUP_KEY);
            }
            if (erasures == null) {
                Path parent = backup.toAbsolutePath().getParent();
                erasures = parent == null ? Path.of(ERASURE_LEDGER) : parent.resolve(ERASURE_LEDGER);
            }
            return new Options(
                    backup.toAbsolutePath().normalize(),
                    keyFile,
                    dataDir.toAbsolutePath().normalize(),
                    erasures);
        }
    }

    private RestoreCommand() {}

    /** @return the process's exit code */
    static int run(Options options, PrintStream out) {
        if (!Files.isRegularFile(options.backup())) {
            out.println("There is no backup at " + options.backup() + ".");
            return 2;
        }
        if (!Files.isReadable(options.keyFile())) {
            out.println(
                    "The backup key is not at " + options.keyFile()
                            + ": give it with --key-file=FILE (the secrets/backup.key of the installation that took the backup).");
            return 2;
        }
        if (hasData(options.dataDir())) {
            out.println("The data directory " + options.dataDir() + " is not empty: a restore goes into a new one"
                    + " (--data-dir=DIR).");
            return 2;
        }
        long t0 = System.nanoTime();
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        DataDirectoryLock lock = null;
        try (Restore restore = Restore.open(options.backup(), Backups.key(Files.readString(options.keyFile())))) {
            BackupManifest manifest = restore.manifest();
            out.printf(
                    "Restoring %s (taken %s by OpenHire %s) into %s%n",
                    options.backup().getFileName(), manifest.createdAt(), manifest.version(), options.dataDir());
            List<String> known = AllInOne.SERVICES.stream()
                    .filter(ServiceModule::database)
                    .map(ServiceModule::name)
                    .toList();
            for (BackupManifest.Database database : manifest.databases()) {
                if (!known.contains(database.name())) {
                    out.println("  ✗ The backup holds a database of " + database.name()
                            + ", which this build does not have: restore it with the build that took it.");
                    return 1;
                }
            }
            Files.createDirectories(options.dataDir());
            lock = DataDirectoryLock.acquire(options.dataDir());
            String jdbcBase = infrastructure.startPostgres(options.dataDir(), known);
            for (BackupManifest.Database database : manifest.databases()) {
                Map<String, Long> rows = restore.database(
                        database.name(), jdbcBase + database.name().replace("-", "_"), "postgres", null);
                out.printf(
                        "  ✓ %-17s %d tables, %d rows (schema version %s)%n",
                        database.name(),
                        rows.size(),
                        rows.values().stream().mapToLong(Long::longValue).sum(),
                        database.schemaVersion());
            }
            long objects;
            try (FileSystemObjectStore store =
                    new FileSystemObjectStore(options.dataDir().resolve("objects"))) {
                objects = restore.objects(store);
            }
            out.printf("  ✓ %-17s %d documents and artifacts%n", "objects", objects);
            List<String> secrets = restore.secrets(options.dataDir().resolve("secrets"));
            out.printf("  ✓ %-17s %d key files%n", "secrets", secrets.size());
            // privacy sends the requests still open in the backup to the services again at the first start (their
            // events were on the old Kafka, which no backup holds), and files the ledger's missing erasures again
            Path marker = options.dataDir().resolve("backups").resolve(ERASURE_LEDGER + ".restored");
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, manifest.createdAt().toString());
            if (Files.isReadable(options.erasures())) {
                // privacy files every erasure the restored database does not know again at its first start
                Path ledger = options.dataDir().resolve("backups").resolve(ERASURE_LEDGER);
                Files.copy(options.erasures(), ledger);
                out.printf(
                        "  ✓ %-17s the ledger of completed erasures: those done after the backup are done again"
                                + " at the first start%n",
                        "erasures");
            } else {
                out.printf(
                        "  ! %-17s no ledger at %s: people erased after this backup was taken are in it again;"
                                + " give the ledger with --erasures=FILE%n",
                        "erasures", options.erasures());
            }
            infrastructure.stopPostgres();
            out.printf(
                    "Restored in %s. Start it: ./openhire start --data-dir=%s%n",
                    AllInOne.since(t0), options.dataDir());
            return 0;
        } catch (Exception e) {
            out.println("  ✗ The restore failed: " + e.getMessage());
            try {
                infrastructure.stopPostgres();
            } catch (IOException | RuntimeException ignored) {
                // it may never have started
            }
            deleteQuietly(options.dataDir());
            return 1;
        } finally {
            if (lock != null) {
                try {
                    lock.close();
                } catch (IOException ignored) {
                    // the process ends now
                }
            }
        }
    }

    private static boolean hasData(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            // a log directory (this command's own log) is not data
            return entries.anyMatch(e -> !e.getFileName().toString().equals("logs"));
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteQuietly(Path dataDir) {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.getFileName().toString().equals("logs") && !p.startsWith(dataDir.resolve("logs")))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing more to do: the message above says it failed
        }
    }
}
