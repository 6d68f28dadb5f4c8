package io.openhire.resumeprocessing.models;

import io.openhire.modelregistry.events.ModelPromoted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code model.promoted.v1}: every instance must hear every promotion of the resume tagger, so each has a
 * consumer group of its own, starting from the newest event (a promotion missed while it was down is found by
 * the periodic check).
 */
@Component
class PromotionListener {

    private final ChampionResumeTagger tagger;
    private final JsonMapper json;

    PromotionListener(ChampionResumeTagger tagger, JsonMapper json) {
        this.tagger = tagger;
        this.json = json;
    }

    @KafkaListener(
            topics = ModelPromoted.TOPIC,
            groupId = "resume-processing-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void promoted(ConsumerRecord<String, String> record) {
        ModelPromoted event = json.readValue(record.value(), ModelPromoted.class);
        if (event.model().equals(ChampionResumeTagger.MODEL)) {
            tagger.reconcile();
        }
    }
}
