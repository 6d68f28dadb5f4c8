package io.openhire.dashboard.live;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.matching.events.MatchFeedbackRecorded;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the platform's events into live changes for the pages. Every dashboard instance must hear every
 * event (its own browsers are connected to it), so each has its own consumer group, from the newest
 * event: a page opened later reads the current state from the APIs anyway.
 */
@Component
class PlatformEvents {

    private static final Logger log = LoggerFactory.getLogger(PlatformEvents.class);

    private final LiveUpdates live;
    private final JsonMapper json;

    PlatformEvents(LiveUpdates live, JsonMapper json) {
        this.live = live;
        this.json = json;
    }

    @KafkaListener(
            topics = {
                ResumeReceived.TOPIC,
                ResumeParsed.TOPIC,
                ResumeParseFailed.TOPIC,
                ResumeDeleted.TOPIC,
                JobIngested.TOPIC,
                JobOptimized.TOPIC,
                MatchFeedbackRecorded.TOPIC
            },
            groupId = "dashboard-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onEvent(ConsumerRecord<String, String> record) {
        JsonNode event;
        try {
            event = json.readTree(record.value());
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable event on {} at offset {}", record.topic(), record.offset());
            return;
        }
        UUID organization = uuid(event, "organizationId");
        LiveUpdates.Change change = change(record.topic(), event);
        if (organization != null && change != null && change.id() != null) {
            live.publish(organization, change);
        }
    }

    private static LiveUpdates.Change change(String topic, JsonNode event) {
        return switch (topic) {
            case ResumeReceived.TOPIC -> new LiveUpdates.Change("resume", uuid(event, "resumeId"), "RECEIVED");
            case ResumeParsed.TOPIC -> new LiveUpdates.Change("resume", uuid(event, "resumeId"), "PARSED");
            case ResumeParseFailed.TOPIC ->
                new LiveUpdates.Change(
                        "resume", uuid(event, "resumeId"), event.path("status").asString("FAILED"));
            case ResumeDeleted.TOPIC -> new LiveUpdates.Change("resume", uuid(event, "resumeId"), "DELETED");
            case JobIngested.TOPIC -> new LiveUpdates.Change("job", uuid(event, "jobId"), "INGESTED");
            case JobOptimized.TOPIC -> new LiveUpdates.Change("job", uuid(event, "jobId"), "ANALYSED");
            case MatchFeedbackRecorded.TOPIC ->
                new LiveUpdates.Change(
                        "feedback", uuid(event, "jobId"), event.path("outcome").asString(""));
            default -> null;
        };
    }

    private static UUID uuid(JsonNode event, String field) {
        try {
            return event.hasNonNull(field) ? UUID.fromString(event.get(field).asString()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
