package io.openhire.platform.testapp;

import io.openhire.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** An idempotent consumer: records each thing it sees once; a thing named "poison" always fails. */
@Component
class ThingListener {

    private final ProcessedEvents processed;
    private final JdbcClient jdbc;

    ThingListener(ProcessedEvents processed, JdbcClient jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = ThingService.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        processed.handleOnce("thing-seen", record, ThingService.ThingCreated.class, event -> {
            jdbc.sql("INSERT INTO thing_seen (event_id, name) VALUES (:id, :name)")
                    .param("id", ProcessedEvents.eventId(record))
                    .param("name", event.name())
                    .update();
            if ("poison".equals(event.name())) {
                throw new IllegalStateException("cannot process poison");
            }
        });
    }
}
