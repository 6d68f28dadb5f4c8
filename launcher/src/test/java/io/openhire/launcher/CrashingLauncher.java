package io.openhire.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * What the launcher does with its data directory, in a JVM of its own that {@link CrashRecoveryIT} kills with
 * SIGKILL: it locks the directory, starts the embedded PostgreSQL and Kafka on it as the launcher does, then writes
 * to both as fast as it can, as ingestion does (a row committed, an event acknowledged by Kafka), and prints each
 * acknowledged write ({@code ack pg 17}, {@code ack kafka 17}; its log lines may come between) only after it was acknowledged. A restart continues after the
 * highest id it finds.
 */
final class CrashingLauncher {

    static final String DATABASE = "crash-test";
    static final String TOPIC = "crash.test.v1";

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]));
        } catch (Exception e) {
            e.printStackTrace(); // (Kafka's threads would keep a JVM whose start failed alive)
            System.exit(1);
        }
    }

    private static void run(Path dataDir) throws Exception {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        String jdbc = infrastructure.startPostgres(dataDir, List.of(DATABASE)) + DATABASE.replace("-", "_");
        String kafka = infrastructure.startKafka(dataDir);
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                KafkaProducer<Long, Long> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        LongSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        LongSerializer.class))) {
            try (Statement create = db.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS accepted (id bigint PRIMARY KEY, body text NOT NULL)");
            }
            long next = 1;
            try (Statement max = db.createStatement();
                    ResultSet row = max.executeQuery("SELECT coalesce(max(id), 0) FROM accepted")) {
                row.next();
                next = row.getLong(1) + 1;
            }
            System.out.println("ack ready " + next);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO accepted (id, body) VALUES (?, ?)")) {
                for (long id = next; ; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "resume " + id + " ".repeat(200));
                    insert.executeUpdate(); // auto-commit: acknowledged once it returns
                    System.out.println("ack pg " + id);
                    producer.send(new ProducerRecord<>(TOPIC, id, id)).get(30, TimeUnit.SECONDS);
                    System.out.println("ack kafka " + id);
                }
            }
        } finally {
            lock.close();
        }
    }

    private CrashingLauncher() {}
}
