package io.openhire.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one stand-ins for production infrastructure: an embedded PostgreSQL whose data lives under
 * the data directory, with one database per service, and a single-node Kafka (KRaft) whose log is under
 * the data directory too: a restart keeps everything.
 */
final class EmbeddedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /** How long PostgreSQL may take to answer: after a crash it replays its write-ahead log first. */
    static final Duration POSTGRES_START_LIMIT = Duration.ofMinutes(2);

    private EmbeddedPostgres postgres;
    private PersistentKafka kafka;

    String startPostgres(Path dataDir, List<String> databases) throws IOException, SQLException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        stopOrphanedPostmaster(pgData);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "400")
                .setServerConfig("shared_buffers", "64MB")
                // Durable commits: the library starts PostgreSQL with fsync off (-F) and synchronous_commit off,
                // made for throw-away test databases: a power cut could lose commits (an upload's 202) or
                // corrupt the database. OpenHire keeps what it has acknowledged. (-c comes after -F: it wins.)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // zonky waits 10 s by default: too short for crash recovery on a busy machine.
                .setPGStartupWait(POSTGRES_START_LIMIT)
                // Our shutdown hook stops the services first and PostgreSQL last (close()). With zonky's own
                // hook as well, PostgreSQL went down while the services were still finishing, and their
                // connection pools waited out login timeouts: Ctrl-C took 40-70 s instead of a few.
                .setRegisterShutdownHook(false)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!exists(connection, database)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + database.replace("-", "_") + "\"");
                    }
                }
            }
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database.replace("-", "_"));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * A launcher that was killed ({@code kill -9}, a crash) leaves its PostgreSQL running: a child process
     * outlives its parent. It still holds the data directory (on a port nobody knows any more), so a new
     * PostgreSQL on that directory would refuse to start. The data directory lock says no launcher is using
     * this directory now, so a postmaster on it is an orphan: stop it (smart shutdown: its clients died with
     * the launcher), and wait until it is gone. A postmaster.pid naming a process that is not PostgreSQL on this
     * directory (a reused process id after a reboot) is left for PostgreSQL, which checks it again itself.
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().trim().matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(p -> isPostmasterOf(p, pgData));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn(
                "PostgreSQL (PID {}) is still running on {} from a launcher that did not stop: stopping it",
                pid,
                pgData);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            log.info("The orphaned PostgreSQL (PID {}) stopped", pid);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("PostgreSQL (PID " + pid + ") from an earlier launcher is still running on " + pgData
                    + " and did not stop within 60 s: stop it (kill " + pid + ") and start again");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Could not wait for PostgreSQL (PID " + pid + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping an orphaned PostgreSQL", e);
        }
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> c.endsWith("/postgres")).orElse(false);
        Path dataDir = pgData.toAbsolutePath().normalize();
        boolean onThisDirectory = info.arguments()
                .map(args -> List.of(args).stream()
                        .anyMatch(arg -> !arg.startsWith("-")
                                && Path.of(arg).toAbsolutePath().normalize().equals(dataDir)))
                .orElse(false);
        return postgres && onThisDirectory;
    }

    /** Starts Kafka and returns its bootstrap address once it answers. */
    String startKafka(Path dataDir) throws Exception {
        String bootstrap = prepareKafka(dataDir);
        kafka.startAndAwait();
        return bootstrap;
    }

    /** Kafka's address, known before it starts ({@link #awaitKafka} starts it): clients connect when it is up. */
    String prepareKafka(Path dataDir) throws Exception {
        kafka = new PersistentKafka();
        return kafka.prepare(dataDir.resolve("kafka"));
    }

    void awaitKafka() throws Exception {
        kafka.startAndAwait();
    }

    /** Kafka's clean stop: it writes its clean-shutdown marker, so the next start needs no log recovery. */
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** PostgreSQL's fast stop (pg_ctl stop -m fast, bounded by pg_ctl at 5 s): a checkpoint, then exit. */
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
