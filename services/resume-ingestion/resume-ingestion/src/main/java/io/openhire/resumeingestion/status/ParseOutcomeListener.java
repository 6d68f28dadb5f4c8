package io.openhire.resumeingestion.status;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.resumeingestion.intake.Resume;
import io.openhire.resumeingestion.intake.Resumes;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Moves a resume from RECEIVED to PARSED, FAILED or NEEDS_OCR as resume-processing reports. */
@Component
class ParseOutcomeListener {

    private final ProcessedEvents processed;
    private final Resumes resumes;
    private final JsonMapper json;

    ParseOutcomeListener(ProcessedEvents processed, Resumes resumes, JsonMapper json) {
        this.processed = processed;
        this.resumes = resumes;
        this.json = json;
    }

    @KafkaListener(topics = ResumeParsed.TOPIC)
    void parsed(ConsumerRecord<String, String> record) {
        ResumeParsed event = json.readValue(record.value(), ResumeParsed.class);
        processed.handleOnce(
                "resume-status",
                record,
                () -> resumes.updateStatus(
                        event.organizationId(),
                        event.resumeId(),
                        Resume.Status.PARSED,
                        null,
                        event.revision(),
                        event.occurredAt()));
    }

    @KafkaListener(topics = ResumeParseFailed.TOPIC)
    void failed(ConsumerRecord<String, String> record) {
        ResumeParseFailed event = json.readValue(record.value(), ResumeParseFailed.class);
        Resume.Status status = "NEEDS_OCR".equals(event.status()) ? Resume.Status.NEEDS_OCR : Resume.Status.FAILED;
        processed.handleOnce(
                "resume-status",
                record,
                () -> resumes.updateStatus(
                        event.organizationId(),
                        event.resumeId(),
                        status,
                        event.reason(),
                        event.revision(),
                        event.occurredAt()));
    }
}
