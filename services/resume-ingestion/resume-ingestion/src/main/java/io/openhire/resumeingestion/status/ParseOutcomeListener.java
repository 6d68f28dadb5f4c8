package io.openhire.resumeingestion.status;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.resumeingestion.intake.Resume;
import io.openhire.resumeingestion.intake.Resumes;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Moves a resume from RECEIVED to PARSED, FAILED or NEEDS_OCR as resume-processing reports. */
@Component
class ParseOutcomeListener {

    private final ProcessedEvents processed;
    private final Resumes resumes;

    ParseOutcomeListener(ProcessedEvents processed, Resumes resumes) {
        this.processed = processed;
        this.resumes = resumes;
    }

    @KafkaListener(topics = ResumeParsed.TOPIC)
    void parsed(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "resume-status",
                record,
                ResumeParsed.class,
                event -> resumes.updateStatus(
                        event.organizationId(),
                        event.resumeId(),
                        Resume.Status.PARSED,
                        null,
                        event.revision(),
                        event.occurredAt()));
    }

    @KafkaListener(topics = ResumeParseFailed.TOPIC)
    void failed(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "resume-status",
                record,
                ResumeParseFailed.class,
                event -> resumes.updateStatus(
                        event.organizationId(),
                        event.resumeId(),
                        "NEEDS_OCR".equals(event.status()) ? Resume.Status.NEEDS_OCR : Resume.Status.FAILED,
                        event.reason(),
                        event.revision(),
                        event.occurredAt()));
    }
}
