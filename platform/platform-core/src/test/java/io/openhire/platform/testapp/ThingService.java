package io.openhire.platform.testapp;

import io.openhire.platform.events.Outbox;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ThingService {

    public static final String TOPIC = "thing.created.v1";

    public record ThingCreated(UUID id, String name) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;

    ThingService(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Inserts a thing and its event; {@code failAfterwards} rolls both back. */
    @Transactional
    public UUID create(UUID organizationId, String name, boolean failAfterwards) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO thing (id, organization_id, name) VALUES (:id, :org, :name)")
                .param("id", id)
                .param("org", organizationId)
                .param("name", name)
                .update();
        outbox.publish(TOPIC, id.toString(), new ThingCreated(id, name), organizationId);
        if (failAfterwards) {
            throw new IllegalStateException("simulated failure after the event was recorded");
        }
        return id;
    }
}
