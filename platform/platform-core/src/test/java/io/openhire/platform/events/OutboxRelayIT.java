package io.openhire.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Kafka is down when the transaction commits: the event waits in the outbox and goes out later. */
class OutboxRelayIT {

    private final OutboxProperties properties = new OutboxProperties(
            Duration.ofHours(1), 100, Duration.ofSeconds(3), Duration.ofMillis(10), Duration.ofMillis(20), null);
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private DefaultKafkaProducerFactory<String, String> deadFactory;
    private DefaultKafkaProducerFactory<String, String> liveFactory;

    record Hired(UUID candidateId) {}

    @BeforeEach
    void database() {
        String url = TestPostgres.newDatabase("outbox_relay");
        SimpleDriverDataSource dataSource =
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        deadFactory = producers("127.0.0.1:1"); // nothing listens there
        liveFactory = producers(TestKafka.bootstrapServers());
    }

    @AfterEach
    void close() {
        deadFactory.destroy();
        liveFactory.destroy();
    }

    private static DefaultKafkaProducerFactory<String, String> producers(String bootstrap) {
        return new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000),
                new StringSerializer(),
                new StringSerializer());
    }

    @Test
    void anEventCommittedWhileKafkaIsDownIsPublishedWhenItIsBack() {
        OutboxRelay whileDown =
                new OutboxRelay(jdbc, transactions, new KafkaTemplate<>(deadFactory), properties, "test");
        Outbox outbox = new Outbox(jdbc, JsonMapper.builder().build(), whileDown);
        UUID candidate = UUID.randomUUID();
        String topic = "candidate.hired.v1";

        transactions.executeWithoutResult(s -> outbox.publish(topic, candidate.toString(), new Hired(candidate), null));

        assertThat(whileDown.publishPending()).isZero();
        assertThat(jdbc.sql("SELECT attempts, last_error IS NOT NULL, published_at IS NULL FROM outbox_event")
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3)))
                        .single())
                .containsExactly(1, true, true);
        // Prometheus sees it waiting
        assertThat(backlog()).isEqualTo(1);

        OutboxRelay whenBack =
                new OutboxRelay(jdbc, transactions, new KafkaTemplate<>(liveFactory), properties, "test");
        // Once the (short, for the test) back-off has passed, the one event goes out, and only once.
        await().atMost(Duration.ofSeconds(10)).until(() -> whenBack.publishPending() == 1);
        assertThat(whenBack.publishPending()).isZero();
        assertThat(backlog()).isZero();

        List<ConsumerRecord<String, String>> received =
                TestKafka.read(topic, r -> r.key().equals(candidate.toString()), 1);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().value()).isEqualTo("{\"candidateId\":\"" + candidate + "\"}");
    }

    /** {@code openhire_outbox_backlog} as a scrape reads it now. */
    private double backlog() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new OutboxMetrics(jdbc, java.time.Clock.systemUTC()).bindTo(meters);
        assertThat(meters.get("openhire.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
        return meters.get("openhire.outbox.backlog").gauge().value();
    }

    @Test
    void publishingOutsideATransactionIsABug() {
        OutboxRelay relay = new OutboxRelay(jdbc, transactions, new KafkaTemplate<>(liveFactory), properties, "test");
        Outbox outbox = new Outbox(jdbc, JsonMapper.builder().build(), relay);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> outbox.publish("x.v1", "k", new Hired(UUID.randomUUID()), null))
                .isInstanceOf(IllegalStateException.class);
    }
}
