package io.openhire.resumeprocessing.pipeline;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Received, re-parse-requested and deleted resumes, each handled once: the document row, the profile, the
 * processed-event row and the outgoing event commit together, and the Kafka offset only after. Stop
 * the service half-way through a batch and the rest is parsed when it starts again.
 */
@Component
class ResumeListeners {

    private final ProcessedEvents processed;
    private final ProfileStore store;
    private final ParsingService parsing;
    private final JsonMapper json;

    ResumeListeners(ProcessedEvents processed, ProfileStore store, ParsingService parsing, JsonMapper json) {
        this.processed = processed;
        this.store = store;
        this.parsing = parsing;
        this.json = json;
    }

    @KafkaListener(topics = ResumeReceived.TOPIC)
    void received(ConsumerRecord<String, String> record) {
        ResumeReceived event = json.readValue(record.value(), ResumeReceived.class);
        ProfileStore.Document document = new ProfileStore.Document(
                event.resumeId(),
                event.organizationId(),
                event.bucket(),
                event.objectKey(),
                event.mediaType(),
                event.sha256());
        processed.handleOnce("parse-received", record, () -> {
            if (store.deleted(event.resumeId())) {
                return; // deleted before it was parsed: nothing to bring back
            }
            store.saveDocument(document, event.occurredAt());
            parsing.parse(document);
        });
    }

    @KafkaListener(topics = ResumeDeleted.TOPIC)
    void deleted(ConsumerRecord<String, String> record) {
        ResumeDeleted event = json.readValue(record.value(), ResumeDeleted.class);
        processed.handleOnce(
                "erase-deleted",
                record,
                () -> store.erase(event.organizationId(), event.resumeId(), event.occurredAt()));
    }

    @KafkaListener(topics = ReparseRequested.TOPIC)
    void reparse(ConsumerRecord<String, String> record) {
        ReparseRequested request = json.readValue(record.value(), ReparseRequested.class);
        processed.handleOnce(
                "reparse",
                record,
                () -> store.document(request.organizationId(), request.resumeId())
                        .ifPresent(parsing::parse));
    }
}
