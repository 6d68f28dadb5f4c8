package io.openhire.modelserving;

import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.modelserving.runtime.ModelManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code model.promoted.v1}: every instance must hear every promotion, so each has a consumer group of its
 * own, starting from the newest event (at start, and every reconcile interval, each instance asks the
 * registry anyway: a missed event delays a swap, never loses it). Handling is idempotent: it brings the
 * routes to what the registry says, whatever the event said.
 */
@Component
class PromotionListener {

    private final ModelManager models;
    private final JsonMapper json;

    PromotionListener(ModelManager models, JsonMapper json) {
        this.models = models;
        this.json = json;
    }

    @KafkaListener(
            topics = ModelPromoted.TOPIC,
            groupId = "model-serving-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void promoted(ConsumerRecord<String, String> record) {
        ModelPromoted event = json.readValue(record.value(), ModelPromoted.class);
        models.reconcileAsync(event.model());
    }
}
