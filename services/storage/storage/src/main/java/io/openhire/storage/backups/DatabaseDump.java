package io.openhire.storage.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One service's database into a backup and back, with PostgreSQL's own binary COPY — every table's rows as they are,
 * read in one snapshot (a repeatable-read, read-only transaction: the tables agree with each other). The schema is
 * not dumped: a restore creates it with the service's own Flyway migrations, up to the version the backup was taken
 * at, and then loads the rows; so a restore also proves the migrations still build the schema the rows fit.
 */
public final class DatabaseDump {

    /** Flyway's own table: the restore's migrations write it. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private DatabaseDump() {}

    public static BackupManifest.Database dump(String service, Connection connection, BackupFile.Writer backup)
            throws SQLException, IOException {
        return dump(service, connection, backup, java.util.Set.of());
    }

    /** @param skip tables ({@code service.table}) left out: they are restored empty */
    public static BackupManifest.Database dump(
            String service, Connection connection, BackupFile.Writer backup, java.util.Set<String> skip)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            String version = schemaVersion(connection);
            Map<String, Long> tables = new TreeMap<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables(connection)) {
                if (skip.contains(service + "." + table)) {
                    continue;
                }
                try (OutputStream out = backup.entry(entry(service, table))) {
                    tables.put(table, copy.copyOut("COPY public." + quoted(table) + " TO STDOUT (FORMAT binary)", out));
                }
            }
            Map<String, Long> sequences = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")) {
                while (rows.next()) {
                    long last = rows.getLong(2);
                    if (!rows.wasNull()) {
                        sequences.put(rows.getString(1), last);
                    }
                }
            }
            connection.commit();
            return new BackupManifest.Database(service, version, tables, sequences);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Loads a dumped database into {@code connection}'s, which its migrations have brought to the backup's schema
     * version: every table emptied (a migration may have seeded rows), the rows copied in with triggers and foreign
     * keys not checked while loading (the rows were consistent when dumped; tables load in any order), sequences set.
     * Needs a superuser (the all-in-one's {@code postgres}). Answers the rows loaded per table.
     */
    public static Map<String, Long> restore(
            BackupManifest.Database database, Connection connection, BackupFile.Reader backup)
            throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            List<String> present = tables(connection);
            for (String table : database.tables().keySet()) {
                if (!present.contains(table)) {
                    throw new IOException("The backup's table " + database.name() + "." + table
                            + " is not in the schema its migrations built");
                }
            }
            if (!present.isEmpty()) {
                statement.execute("TRUNCATE "
                        + String.join(
                                ", ",
                                present.stream().map(t -> "public." + quoted(t)).toList()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> loaded = new TreeMap<>();
            for (String table : database.tables().keySet()) {
                try (InputStream in = backup.open(entry(database.name(), table))) {
                    loaded.put(table, copy.copyIn("COPY public." + quoted(table) + " FROM STDIN (FORMAT binary)", in));
                }
            }
            for (Map.Entry<String, Long> sequence : database.sequences().entrySet()) {
                try (var set = connection.prepareStatement("SELECT setval(?, ?)")) {
                    set.setString(1, "public." + quoted(sequence.getKey()));
                    set.setLong(2, sequence.getValue());
                    set.execute();
                }
            }
            connection.commit();
            return loaded;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    static String entry(String service, String table) {
        return "db/" + service + "/" + table + ".copy.gz";
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(FLYWAY_HISTORY)) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (ResultSet table = connection.getMetaData().getTables(null, "public", FLYWAY_HISTORY, null)) {
            if (!table.next()) {
                return null; // a database its service has not migrated yet: nothing but its rows to restore
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM " + FLYWAY_HISTORY
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
