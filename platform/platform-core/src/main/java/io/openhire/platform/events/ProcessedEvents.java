package io.openhire.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a Kafka consumer idempotent: {@link #handleOnce} runs the handler and records the event id in
 * one transaction, and skips events it has already recorded. Kafka delivers at least once; with this,
 * each event takes effect exactly once.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * @param consumer a stable name for the consuming feature (two features may each process one event)
     * @return {@code true} if the handler ran, {@code false} if the event had been processed before
     */
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
        UUID eventId = eventId(record);
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("consumer", consumer)
                    .param("id", eventId)
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    public static UUID eventId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_ID);
        if (header == null) {
            throw new IllegalArgumentException("Event without an " + EventHeaders.EVENT_ID + " header");
        }
        return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
    }
}
