package io.openhire.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestKafka;
import io.openhire.platform.testapp.TestAppSupport;
import io.openhire.platform.testapp.TestApplication;
import io.openhire.platform.testapp.ThingService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events go out if and only if their transaction commits, and consumers take effect once. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestAppSupport.NAME)
class OutboxIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppSupport.register(registry);
    }

    @Autowired
    ThingService things;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void publishesExactlyTheEventsOfCommittedTransactions() {
        UUID org = UUID.randomUUID();
        List<UUID> committed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean fail = i % 3 == 0; // 0, 3, 6, 9 roll back
            String name = "outbox-" + org + "-" + i;
            if (fail) {
                assertThatThrownBy(() -> things.create(org, name, true)).isInstanceOf(IllegalStateException.class);
            } else {
                committed.add(things.create(org, name, false));
            }
        }

        List<ConsumerRecord<String, String>> received =
                TestKafka.read(ThingService.TOPIC, r -> r.value().contains(org.toString()), 6);

        assertThat(received).hasSize(6);
        assertThat(received)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(
                        committed.stream().map(UUID::toString).toList());
        ConsumerRecord<String, String> first = received.getFirst();
        assertThat(TestKafka.header(first, EventHeaders.EVENT_TYPE)).isEqualTo(ThingService.TOPIC);
        assertThat(TestKafka.header(first, EventHeaders.ORGANIZATION_ID)).isEqualTo(org.toString());
        assertThat(UUID.fromString(TestKafka.header(first, EventHeaders.EVENT_ID)))
                .isNotNull();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND payload LIKE :org")
                                .param("org", "%" + org + "%")
                                .query(Integer.class)
                                .single())
                        .isZero());
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() {
        String eventId = UUID.randomUUID().toString();
        String name = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        sendThing(name, eventId);
        sendThing(name, eventId);

        // One partition, so once a later marker is processed, both copies have been handled.
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
        sendThing(marker, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1);

        assertThat(seen(name)).isEqualTo(1);
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String eventId = UUID.randomUUID().toString();
        sendThing("poison", eventId);
        String after = "after-" + UUID.randomUUID().toString().substring(0, 8);
        sendThing(after, UUID.randomUUID().toString());

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                EventsAutoConfiguration.deadLetterTopic(ThingService.TOPIC),
                r -> eventId.equals(TestKafka.header(r, EventHeaders.EVENT_ID)),
                1);
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.getFirst(), "kafka_dlt-original-topic"))
                .isEqualTo(ThingService.TOPIC);
        await().atMost(Duration.ofSeconds(20)).until(() -> seen(after) == 1);
        // The failed attempt's effects were rolled back with it.
        assertThat(seen("poison")).isZero();
    }

    @Test
    void aRecordThatIsNotAThingGoesToTheDeadLetterTopicUnhandledAndConsumptionGoesOn() {
        String eventId = UUID.randomUUID().toString();
        send("{\"id\":\"not-a-uuid\",\"name\":\"garbled\"}", eventId);
        String after = "after-" + UUID.randomUUID().toString().substring(0, 8);
        sendThing(after, UUID.randomUUID().toString());

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                EventsAutoConfiguration.deadLetterTopic(ThingService.TOPIC),
                r -> eventId.equals(TestKafka.header(r, EventHeaders.EVENT_ID)),
                1);
        assertThat(dead).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> seen(after) == 1);
        assertThat(seen("garbled")).isZero();
        // Not marked as handled: the record could be replayed from the dead-letter topic once readable.
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                        .param("id", UUID.fromString(eventId))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** Sends a thing.created.v1 record straight to Kafka, as a producer (or a redelivery) would. */
    private void sendThing(String name, String eventId) {
        send("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\"}", eventId);
    }

    private void send(String value, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(ThingService.TOPIC, "k", value);
        record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }

    private int seen(String name) {
        return jdbc.sql("SELECT count(*) FROM thing_seen WHERE name = :name")
                .param("name", name)
                .query(Integer.class)
                .single();
    }
}
