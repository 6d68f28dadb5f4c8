package io.openhire.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a Kafka consumer idempotent: the handler's changes and the record that the event was handled commit
 * in one transaction, and an event handled before is skipped. Kafka delivers at least once; with this, each
 * event takes effect exactly once. A listener is then one call:
 *
 * <pre>{@code
 * @KafkaListener(topics = JobIngested.TOPIC)
 * void ingested(ConsumerRecord<String, String> record) {
 *     processed.handleOnce("optimise-ingested", record, JobIngested.class, optimisation::process);
 * }
 * }</pre>
 *
 * <p>What fails goes to the error handler of {@link EventsAutoConfiguration}: a record without an event id or
 * whose value is not JSON of the event's type is dead-lettered at once (it can never succeed), a handler that
 * throws is retried and then dead-lettered; in both cases nothing of the attempt is committed.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public ProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Reads the record's value as a {@code type} and hands it to {@code handler}, unless {@code consumer} has
     * handled this event before.
     *
     * @param consumer a stable name for the consuming feature (two features may each handle one event)
     * @param type the event record of the topic (from the producer's {@code -events} module)
     * @return {@code true} if the handler ran, {@code false} if the event had been handled before
     */
    public <E> boolean handleOnce(
            String consumer, ConsumerRecord<String, String> record, Class<E> type, Consumer<? super E> handler) {
        return handleOnce(consumer, record, () -> handler.accept(read(record, type)));
    }

    /**
     * As {@link #handleOnce(String, ConsumerRecord, Class, Consumer)}, for a listener that acts after the commit
     * on what the handler decided (announce a change in memory, say): that runs only once the change is
     * durable, and never for a repeat.
     *
     * @return what the handler returned; empty if the event had been handled before or the handler returned
     *     {@code null}
     */
    public <E, R> Optional<R> applyOnce(
            String consumer,
            ConsumerRecord<String, String> record,
            Class<E> type,
            Function<? super E, ? extends R> handler) {
        return transactions.execute(status -> {
            if (!markHandled(consumer, record)) {
                return Optional.<R>empty();
            }
            return Optional.<R>ofNullable(handler.apply(read(record, type)));
        });
    }

    /**
     * The untyped form, for a listener that must read its event before the transaction (to call another
     * service first, without holding a database connection): {@code read} it, do the call, then this.
     *
     * @param consumer a stable name for the consuming feature (two features may each handle one event)
     * @return {@code true} if the handler ran, {@code false} if the event had been handled before
     */
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
        Boolean ran = transactions.execute(status -> {
            if (!markHandled(consumer, record)) {
                return false;
            }
            handler.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * Whether {@code consumer} handled this event before, read outside any transaction: a listener about to do
     * slow work outside its transaction (download, parse) asks first, so that a redelivered event is not
     * worked on again only to be skipped at the commit. The answer is a hint; {@code handleOnce} decides.
     */
    public boolean handledBefore(String consumer, ConsumerRecord<String, String> record) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :id")
                        .param("consumer", consumer)
                        .param("id", eventId(record))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The record's value as a {@code type}; throws a {@code JacksonException} (dead-lettered at once) if it is
     * not one.
     */
    public <E> E read(ConsumerRecord<String, String> record, Class<E> type) {
        return json.readValue(record.value(), type);
    }

    /**
     * Records the event as handled by {@code consumer}, in the current transaction; {@code false} if it was
     * already. A second delivery handled at the same time waits on the first's row and then sees it.
     */
    private boolean markHandled(String consumer, ConsumerRecord<String, String> record) {
        return jdbc.sql("""
                                INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id)
                                ON CONFLICT DO NOTHING
                                """)
                        .param("consumer", consumer)
                        .param("id", eventId(record))
                        .update()
                > 0;
    }

    /** The record's {@link EventHeaders#EVENT_ID}; {@link IllegalArgumentException} if it has none. */
    public static UUID eventId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_ID);
        if (header == null) {
            throw new IllegalArgumentException("Event without an " + EventHeaders.EVENT_ID + " header");
        }
        return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
    }
}
