package io.openhire.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published once Kafka has
 * acknowledged them. Rows that fail are retried with exponential back-off; nothing is dropped.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances of a service can run a
 * relay each without publishing a row twice at the same time. Delivery is at-least-once (a crash between
 * Kafka's acknowledgement and the commit publishes the row again): consumers deduplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String serviceName;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            String serviceName) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.serviceName = serviceName;
    }

    record PendingEvent(UUID id, String topic, String key, String type, String payload, UUID org, String requestId) {}

    /** Publishes one batch; returns how many rows were published. Public for tests and tools. */
    public int publishPending() {
        Integer published = transactions.execute(status -> {
            List<PendingEvent> batch = jdbc.sql("""
                            SELECT id, topic, event_key, event_type, payload, organization_id, request_id
                            FROM outbox_event
                            WHERE published_at IS NULL AND next_attempt_at <= now()
                            ORDER BY created_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED
                            """)
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new PendingEvent(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, UUID.class),
                            rs.getString(7)))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            // The oldest event goes first, alone: if Kafka is unreachable, this pass costs one send
            // timeout instead of one per row, and the rest wait for the next pass.
            PendingEvent first = batch.getFirst();
            if (!await(first, send(first))) {
                return 0;
            }
            int ok = 1;
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
            for (PendingEvent event : batch.subList(1, batch.size())) {
                sends.add(send(event));
            }
            for (int i = 0; i < sends.size(); i++) {
                if (await(batch.get(i + 1), sends.get(i))) {
                    ok++;
                }
            }
            return ok;
        });
        return published == null ? 0 : published;
    }

    /** Waits for Kafka's acknowledgement and records the outcome on the row. */
    private boolean await(PendingEvent event, CompletableFuture<SendResult<String, String>> send) {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            jdbc.sql("UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE id = :id")
                    .param("id", event.id())
                    .update();
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            recordFailure(event, e);
            return false;
        }
    }

    private CompletableFuture<SendResult<String, String>> send(PendingEvent event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers().add(EventHeaders.EVENT_ID, bytes(event.id().toString()));
            record.headers().add(EventHeaders.EVENT_TYPE, bytes(event.type()));
            if (event.org() != null) {
                record.headers()
                        .add(EventHeaders.ORGANIZATION_ID, bytes(event.org().toString()));
            }
            if (event.requestId() != null) {
                record.headers().add(EventHeaders.REQUEST_ID, bytes(event.requestId()));
            }
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void recordFailure(PendingEvent event, Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        log.warn(
                "Could not publish event {} to {} yet: {}",
                event.id(),
                event.topic(),
                cause.getClass().getSimpleName());
        jdbc.sql("""
                        UPDATE outbox_event
                        SET attempts = attempts + 1,
                            next_attempt_at = now() + make_interval(
                                secs => least(:maxSeconds, :initialSeconds * power(2, least(attempts, 16)))),
                            last_error = :error
                        WHERE id = :id
                        """)
                .param("id", event.id())
                .param("initialSeconds", properties.initialBackoff().toMillis() / 1000.0)
                .param("maxSeconds", (double) properties.maxBackoff().toSeconds())
                .param("error", cause.getClass().getName())
                .update();
    }

    /** Deletes published rows older than the retention period. */
    public int purgePublished() {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => :secs)")
                .param("secs", (double) properties.retention().toSeconds())
                .update();
    }

    /** Called after a transaction with events commits, so that they go out without waiting for the poll. */
    void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && wakeUpPending.compareAndSet(false, true)) {
            current.execute(() -> {
                wakeUpPending.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            int n;
            do {
                n = publishPending();
            } while (n == properties.batchSize());
        } catch (RuntimeException e) {
            // The database may be down: the rows are safe where they are, try again on the next tick.
            log.warn("Outbox relay pass failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, serviceName + "-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        purgePublished();
                    } catch (RuntimeException e) {
                        log.warn("Outbox purge failed: {}", e.getClass().getSimpleName());
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                current.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
