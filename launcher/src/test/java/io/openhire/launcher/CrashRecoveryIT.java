package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher killed with SIGKILL while it writes to PostgreSQL and Kafka (as during an upload burst) must not stop
 * the next start, and what it acknowledged must be there exactly once. Focused on the data directory: the launcher
 * JVM here starts the embedded PostgreSQL and Kafka as the all-in-one does and writes to both
 * ({@link CrashingLauncher}); a whole platform in a child JVM, twice, would take minutes on a CI machine.
 * bench/crash-restart.sh does the same with the whole platform and real uploads.
 */
class CrashRecoveryIT {

    @TempDir
    Path dataDir;

    /** What one launcher JVM acknowledged before it was killed. */
    record Acknowledged(long firstId, Set<Long> rows, Set<Long> events) {}

    @Test
    void aLauncherKilledWhileWritingLeavesNothingThatStopsTheNextStartAndLosesNothingItAcknowledged() throws Exception {
        Acknowledged first = runUntilKilled();
        // The start right after the crash: its PostgreSQL is still running, orphaned; Kafka's log was cut mid-write.
        Acknowledged second = runUntilKilled();
        assertThat(second.firstId())
                .isGreaterThan(
                        first.rows().stream().mapToLong(Long::longValue).max().orElseThrow());

        // And the start after that, in this JVM.
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir)) {
            EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
            try {
                String jdbc = infrastructure.startPostgres(dataDir, List.of(CrashingLauncher.DATABASE)) + "crash_test";
                String kafka = infrastructure.startKafka(dataDir);

                assertThat(setting(jdbc, "fsync"))
                        .as("what PostgreSQL acknowledged survives a power cut")
                        .isEqualTo("on");
                assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
                List<Long> rows = rows(jdbc);
                assertThat(rows)
                        .doesNotHaveDuplicates()
                        .containsAll(first.rows())
                        .containsAll(second.rows());
                List<Long> events = events(kafka);
                assertThat(events)
                        .doesNotHaveDuplicates()
                        .containsAll(first.events())
                        .containsAll(second.events());
            } finally {
                infrastructure.stopKafka();
                infrastructure.stopPostgres();
            }
        }
    }

    /** Starts a launcher JVM on the data directory, lets it write a while, then kills it (SIGKILL). */
    Acknowledged runUntilKilled() throws Exception {
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-Dopenhire.logs=" + dataDir.resolve("logs"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingLauncher.class.getName(),
                        dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("crashing-launcher.err").toFile()))
                .start();
        Set<Long> rows = ConcurrentHashMap.newKeySet();
        Set<Long> events = ConcurrentHashMap.newKeySet();
        long[] firstId = {-1};
        java.util.Deque<String> log = new java.util.concurrent.ConcurrentLinkedDeque<>();
        CountDownLatch writing = new CountDownLatch(200);
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = output.readLine()) != null; ) {
                    String[] words = line.split(" ");
                    if (words.length != 3 || !words[0].equals("ack")) {
                        log.addLast(line); // its log: the last lines tell why, if it does not get to write
                        if (log.size() > 40) {
                            log.removeFirst();
                        }
                        continue;
                    }
                    long id = Long.parseLong(words[2]);
                    switch (words[1]) {
                        case "ready" -> firstId[0] = id;
                        case "pg" -> rows.add(id);
                        case "kafka" -> {
                            events.add(id);
                            writing.countDown();
                        }
                        default -> throw new IllegalStateException(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
        });
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            boolean wrote = false;
            while (!wrote && launcher.isAlive() && System.nanoTime() < deadline) {
                wrote = writing.await(1, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(wrote ? 0 : 5)); // its last words, if it ended
            assertThat(wrote)
                    .as(
                            "the launcher JVM started and wrote; its last words:%n%s%n%s",
                            String.join("\n", log),
                            java.nio.file.Files.readString(dataDir.resolve("crashing-launcher.err")))
                    .isTrue();
        } finally {
            launcher.destroyForcibly(); // SIGKILL, in the middle of the writes
            launcher.waitFor(1, TimeUnit.MINUTES);
            reader.join(Duration.ofSeconds(30));
        }
        return new Acknowledged(firstId[0], Set.copyOf(rows), Set.copyOf(events));
    }

    static String setting(String jdbc, String name) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                Statement query = db.createStatement();
                ResultSet row = query.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    static List<Long> rows(String jdbc) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                Statement query = db.createStatement();
                ResultSet row = query.executeQuery("SELECT id FROM accepted")) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids;
    }

    /** Every event on the topic, read to its end offsets. */
    static List<Long> events(String bootstrap) {
        List<Long> values = new ArrayList<>();
        try (KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "crash-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                LongDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                LongDeserializer.class))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(CrashingLauncher.TOPIC, Duration.ofMinutes(1)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofSeconds(1))) {
                    values.add(record.value());
                }
            }
            assertThat(partitions.stream().collect(Collectors.toMap(p -> p, consumer::position)))
                    .as("read to the end")
                    .isEqualTo(end);
        }
        return values;
    }
}
