package io.openhire.resumeprocessing.pipeline;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Received, re-parse-requested and deleted resumes, each handled once. A parse runs in three steps, so that
 * no database connection waits on storage, Tika or OCR: a short read (handled before? deleted?), the
 * download and parse outside any transaction, then one short transaction in which the document row, the
 * profile, the processed-event row and the outgoing event commit together; the Kafka offset only after.
 * Stop the service half-way through a batch and the rest is parsed when it starts again; a redelivered
 * event is recognised before it is parsed again, and should two deliveries of one event ever race, only
 * the first to commit writes a result.
 */
@Component
class ResumeListeners {

    private final ProcessedEvents processed;
    private final ProfileStore store;
    private final ParsingService parsing;

    ResumeListeners(ProcessedEvents processed, ProfileStore store, ParsingService parsing) {
        this.processed = processed;
        this.store = store;
        this.parsing = parsing;
    }

    @KafkaListener(topics = ResumeReceived.TOPIC)
    void received(ConsumerRecord<String, String> record) {
        // Read before the transaction: the parse runs outside it (the typed handleOnce would run it inside).
        ResumeReceived event = processed.read(record, ResumeReceived.class);
        ProfileStore.Document document = new ProfileStore.Document(
                event.resumeId(),
                event.organizationId(),
                event.bucket(),
                event.objectKey(),
                event.mediaType(),
                event.sha256());
        parseOnce("parse-received", record, document, () -> store.saveDocument(document, event.occurredAt()));
    }

    @KafkaListener(topics = ResumeDeleted.TOPIC)
    void deleted(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "erase-deleted",
                record,
                ResumeDeleted.class,
                event -> store.erase(event.organizationId(), event.resumeId(), event.occurredAt()));
    }

    @KafkaListener(topics = ReparseRequested.TOPIC)
    void reparse(ConsumerRecord<String, String> record) {
        ReparseRequested request = processed.read(record, ReparseRequested.class);
        Optional<ProfileStore.Document> document = store.document(request.organizationId(), request.resumeId());
        if (document.isEmpty()) {
            processed.handleOnce("reparse", record, () -> {}); // deleted meanwhile: nothing to parse
            return;
        }
        parseOnce("reparse", record, document.get(), () -> {});
    }

    /**
     * Parses {@code document} for the event unless {@code consumer} handled it before, or the resume was
     * deleted; {@code alsoInTheTransaction} runs with the result's write (the received resume's document row).
     */
    private void parseOnce(
            String consumer,
            ConsumerRecord<String, String> record,
            ProfileStore.Document document,
            Runnable alsoInTheTransaction) {
        if (processed.handledBefore(consumer, record)) {
            return; // redelivered after its result was committed
        }
        if (store.deleted(document.resumeId())) {
            processed.handleOnce(consumer, record, () -> {}); // deleted before it was parsed: nothing to bring back
            return;
        }
        ParsingService.Parsed parsed = parsing.parse(document); // no transaction, no connection held
        processed.handleOnce(consumer, record, () -> {
            if (store.deleted(document.resumeId())) {
                return; // deleted while it was parsed
            }
            alsoInTheTransaction.run();
            parsing.save(document, parsed);
        });
    }
}
