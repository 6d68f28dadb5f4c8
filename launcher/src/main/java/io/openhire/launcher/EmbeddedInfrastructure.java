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
import java.util.List;

/**
 * The all-in-one stand-ins for production infrastructure: an embedded PostgreSQL whose data lives under
 * the data directory, with one database per service, and a single-node Kafka (KRaft) whose log is under
 * the data directory too: a restart keeps everything.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

    private EmbeddedPostgres postgres;
    private PersistentKafka kafka;

    String startPostgres(Path dataDir, List<String> databases) throws IOException, SQLException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "400")
                .setServerConfig("shared_buffers", "64MB")
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

    String startKafka(Path dataDir) throws Exception {
        kafka = new PersistentKafka();
        return kafka.start(dataDir.resolve("kafka"));
    }

    @Override
    public void close() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException ignored) {
                // shutting down anyway
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
        }
    }
}
