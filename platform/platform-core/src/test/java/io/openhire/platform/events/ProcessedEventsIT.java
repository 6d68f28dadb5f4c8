package io.openhire.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.platform.test.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A typed listener's effects and the record that it handled the event commit together, once per event. */
class ProcessedEventsIT {

    record CandidateHired(UUID candidateId, String name) {}

    static final String TOPIC = "candidate.hired.v1";

    private JdbcClient jdbc;
    private ProcessedEvents processed;

    @BeforeEach
    void database() {
        String url = TestPostgres.newDatabase("processed_events");
        SimpleDriverDataSource dataSource =
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE hired (name text NOT NULL)").update();
        processed = new ProcessedEvents(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                JsonMapper.builder().build());
    }

    @Test
    void aRedeliveredEventIsHandledOnceAndAsItsType() {
        ConsumerRecord<String, String> record = hired(UUID.randomUUID(), "Ada");

        boolean first = processed.handleOnce("hiring", record, CandidateHired.class, this::insert);
        boolean again = processed.handleOnce("hiring", record, CandidateHired.class, this::insert);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(names()).containsExactly("Ada");
    }

    @Test
    void twoFeaturesEachHandleTheSameEvent() {
        ConsumerRecord<String, String> record = hired(UUID.randomUUID(), "Grace");

        processed.handleOnce("hiring", record, CandidateHired.class, this::insert);
        processed.handleOnce("reporting", record, CandidateHired.class, this::insert);

        assertThat(names()).containsExactly("Grace", "Grace");
    }

    @Test
    void aHandlerThatFailsLeavesNothingBehindAndTheRetryRunsIt() {
        ConsumerRecord<String, String> record = hired(UUID.randomUUID(), "Linus");

        assertThatThrownBy(() -> processed.handleOnce("hiring", record, CandidateHired.class, event -> {
                    insert(event);
                    throw new IllegalStateException("the database of record said no");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(names()).isEmpty();

        assertThat(processed.handleOnce("hiring", record, CandidateHired.class, this::insert))
                .isTrue();
        assertThat(names()).containsExactly("Linus");
    }

    @Test
    void aValueThatIsNotTheEventFailsAsUnreadableAndIsNotMarkedHandled() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), "{\"candidateId\":\"not-a-uuid\"}");

        assertThatThrownBy(() -> processed.handleOnce("hiring", record, CandidateHired.class, this::insert))
                .isInstanceOf(JacksonException.class); // not retried: dead-lettered at once
        assertThat(names()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aRecordWithoutAnEventIdIsRefused() {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(TOPIC, 0, 0, "k", "{\"candidateId\":\"" + UUID.randomUUID() + "\"}");

        assertThatThrownBy(() -> processed.handleOnce("hiring", record, CandidateHired.class, this::insert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EventHeaders.EVENT_ID);
        assertThat(names()).isEmpty();
    }

    @Test
    void applyOnceReturnsWhatTheHandlerDecidedTheFirstTimeOnly() {
        ConsumerRecord<String, String> record = hired(UUID.randomUUID(), "Barbara");

        Optional<String> first = processed.applyOnce("hiring", record, CandidateHired.class, event -> {
            insert(event);
            return "announce " + event.name();
        });
        Optional<String> again =
                processed.applyOnce("hiring", record, CandidateHired.class, event -> "announce " + event.name());

        assertThat(first).contains("announce Barbara");
        assertThat(again).isEmpty();
        assertThat(names()).containsExactly("Barbara");
    }

    private void insert(CandidateHired event) {
        jdbc.sql("INSERT INTO hired (name) VALUES (:name)")
                .param("name", event.name())
                .update();
    }

    private java.util.List<String> names() {
        return jdbc.sql("SELECT name FROM hired ORDER BY name")
                .query(String.class)
                .list();
    }

    private static ConsumerRecord<String, String> hired(UUID candidate, String name) {
        return record(UUID.randomUUID(), "{\"candidateId\":\"" + candidate + "\",\"name\":\"" + name + "\"}");
    }

    private static ConsumerRecord<String, String> record(UUID eventId, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, 0, "k", value);
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
