package io.openhire.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (KRaft, broker and controller in one) whose log lives under the data directory,
 * so that events on Kafka survive a restart of the all-in-one platform like the database does.
 *
 * <p>First start: picks two free ports, writes {@code kafka/server.properties} and formats the log
 * directory. Later starts reuse the ports and the log. Kafka's test kit is not used here because it formats fresh
 * storage on every start.
 */
final class PersistentKafka implements AutoCloseable {

    private KafkaRaftServer server;
    private Properties properties;

    /** Starts the broker and returns its bootstrap address once it answers. */
    String start(Path kafkaDir) throws Exception {
        String bootstrap = prepare(kafkaDir);
        startAndAwait();
        return bootstrap;
    }

    /**
     * Chooses the ports, writes the configuration and formats a new log directory: quick, and enough for Kafka's
     * clients to be configured, so that the services can start while the broker does ({@link #startAndAwait}).
     */
    String prepare(Path kafkaDir) throws Exception {
        Path logDir = kafkaDir.resolve("log");
        Path config = kafkaDir.resolve("server.properties");
        Files.createDirectories(logDir);
        // The settings are this version's; only the ports are kept from the last start.
        Properties properties = configuration(logDir);
        int brokerPort = 0;
        int controllerPort = 0;
        if (Files.exists(config)) {
            Properties previous = read(config);
            brokerPort = port(previous, "PLAINTEXT");
            controllerPort = port(previous, "CONTROLLER");
        }
        if (brokerPort == 0 || !portFree(brokerPort) || !portFree(controllerPort)) {
            // First start, or another program took a port since the last one: move, keeping the log.
            brokerPort = freePort();
            controllerPort = freePort();
        }
        withPorts(properties, brokerPort, controllerPort);
        write(config, properties);
        this.properties = properties;
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int status = StorageTool$.MODULE$.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(OutputStream.nullOutputStream()));
            if (status != 0) {
                throw new IllegalStateException("Could not format Kafka's log directory " + logDir);
            }
        }
        return "localhost:" + port(properties, "PLAINTEXT");
    }

    /** Starts the broker prepared by {@link #prepare} (after a crash: log recovery first) and waits until it answers. */
    void startAndAwait() throws Exception {
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        awaitReady("localhost:" + port(properties, "PLAINTEXT"));
    }

    private static Properties configuration(Path logDir) {
        Properties p = new Properties();
        p.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", logDir.toAbsolutePath().toString(),
                "num.partitions", "3",
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "log.retention.hours", "168"));
        p.putAll(Map.of(
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1"));
        // Sized for one laptop, not a cluster: Kafka's defaults (a 128 MB log-cleaner buffer, 50
        // consumer-offset partitions, 8 I/O threads) cost ~150 MB of memory for nothing here.
        p.putAll(Map.of(
                "offsets.topic.num.partitions", "3",
                "log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024),
                "num.io.threads", "2",
                "num.network.threads", "2",
                "background.threads", "2",
                "num.recovery.threads.per.data.dir", "1"));
        // After a crash (kill -9, power cut) the controller, reading its log again, holds the killed broker's
        // registration for a session (broker.session.timeout.ms, 9 s) before it lets the new broker register with
        // the same id. Kafka's own limit for that first registration, 60 s, is too short on a busy laptop while
        // a dozen services start next to it: wait longer rather than give up.
        p.put("initial.broker.registration.timeout.ms", "180000");
        return p;
    }

    private static Properties withPorts(Properties p, int brokerPort, int controllerPort) {
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        return p;
    }

    private static int port(Properties p, String listener) {
        for (String entry : p.getProperty("listeners").split(",")) {
            if (entry.startsWith(listener + "://")) {
                return Integer.parseInt(entry.substring(entry.lastIndexOf(':') + 1));
            }
        }
        throw new IllegalStateException("No " + listener + " listener in Kafka's configuration");
    }

    private static void awaitReady(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                60_000))) {
            admin.describeCluster().nodes().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        return p;
    }

    private static void write(Path file, Properties p) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            p.store(writer, "OpenHire all-in-one Kafka (KRaft, single node)");
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
