package io.openhire.platform.events;

import io.openhire.platform.web.RequestIdFilter;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event to be published to Kafka if, and only if, the surrounding transaction commits.
 *
 * <pre>{@code
 * @Transactional
 * void register(...) {
 *     users.insert(user);
 *     outbox.publish(UserRegistered.TOPIC, user.id().toString(), new UserRegistered(...), user.orgId());
 * }
 * }</pre>
 *
 * <p>The event is written to the service's own {@code outbox_event} table; {@link OutboxRelay} sends it
 * after commit (at once, and again later until Kafka has acknowledged it).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /**
     * @param topic the versioned topic, which is also the event type ({@code user.registered.v1})
     * @param key the Kafka key: events with the same key keep their order (use the aggregate's id)
     * @param event a record from the producer's {@code -events} module
     * @param organizationId the tenant the event belongs to, or {@code null} for platform events
     * @return the event id
     */
    public UUID publish(String topic, String key, Object event, UUID organizationId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction that makes the change");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO outbox_event (id, topic, event_key, event_type, payload, organization_id, request_id)
                        VALUES (:id, :topic, :key, :type, :payload, :org, :requestId)
                        """)
                .param("id", id)
                .param("topic", topic)
                .param("key", key)
                .param("type", topic)
                .param("payload", json.writeValueAsString(event))
                .param("org", organizationId)
                .param("requestId", RequestIdFilter.current())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return id;
    }
}
