package io.openhire.resumeingestion.status;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.resumeingestion.intake.Resume;
import io.openhire.resumeingestion.intake.Resumes;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * resume-processing's golden samples ({@code resume-processing-events} test-jar), fed to this service's
 * listener as Kafka delivers them: a change of resume-processing's events that would leave a resume's status
 * wrong here fails this test.
 */
class ResumeProcessingGoldenEventsConsumedTest {

    private static final UUID RESUME = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");
    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final Instant PARSED_AT = Instant.parse("2026-11-21T10:15:31Z");

    private final Resumes resumes = mock(Resumes.class);
    private final ParseOutcomeListener listener = new ParseOutcomeListener(firstDelivery(), resumes);

    @Test
    void aParsedResumeBecomesParsedAtItsRevision() {
        listener.parsed(GoldenEvents.record(ResumeParsed.TOPIC));

        verify(resumes).updateStatus(ORG, RESUME, Resume.Status.PARSED, null, 1, PARSED_AT);
    }

    @Test
    void aScanWithoutTextBecomesNeedsOcrWithTheReason() {
        listener.failed(GoldenEvents.record(ResumeParseFailed.TOPIC));

        verify(resumes)
                .updateStatus(
                        ORG,
                        RESUME,
                        Resume.Status.NEEDS_OCR,
                        "The document has no text layer (a scan); it will be parsed once OCR is available.",
                        1,
                        PARSED_AT);
    }

    /** Every event is new: handlers run at once (what the database adds is ProcessedEvents' own test). */
    private static ProcessedEvents firstDelivery() {
        return new ProcessedEvents(null, null, GoldenEvents.JSON) {
            @Override
            public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
                handler.run();
                return true;
            }
        };
    }
}
