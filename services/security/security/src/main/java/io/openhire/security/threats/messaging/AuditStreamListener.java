package io.openhire.security.threats.messaging;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.security.threats.ThreatDetector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code audit.recorded.v1} from every service, each entry inspected for threats once: the signals and alerts it
 * leads to and the processed-event row commit together, the Kafka offset after (a redelivered event does nothing).
 */
@Component
class AuditStreamListener {

    private final ProcessedEvents processed;
    private final ThreatDetector detector;

    AuditStreamListener(ProcessedEvents processed, ThreatDetector detector) {
        this.processed = processed;
        this.detector = detector;
    }

    @KafkaListener(topics = AuditRecorded.TOPIC)
    void recorded(ConsumerRecord<String, String> record) {
        processed.handleOnce("detect-threats", record, AuditRecorded.class, detector::inspect);
    }
}
