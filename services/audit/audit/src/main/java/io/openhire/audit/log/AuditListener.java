package io.openhire.audit.log;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code audit.recorded.v1} from every service, each appended once: the entry, the chain's new head and the
 * processed-event row commit together, the Kafka offset only after (a redelivered entry appends nothing).
 */
@Component
class AuditListener {

    private final ProcessedEvents processed;
    private final AuditLog log;

    AuditListener(ProcessedEvents processed, AuditLog log) {
        this.processed = processed;
        this.log = log;
    }

    @KafkaListener(topics = AuditRecorded.TOPIC)
    void recorded(ConsumerRecord<String, String> record) {
        processed.handleOnce("append-audit-entry", record, AuditRecorded.class, log::append);
    }
}
