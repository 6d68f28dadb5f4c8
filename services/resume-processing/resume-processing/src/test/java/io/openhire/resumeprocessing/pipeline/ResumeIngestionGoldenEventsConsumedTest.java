package io.openhire.resumeprocessing.pipeline;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * resume-ingestion's golden samples ({@code resume-ingestion-events} test-jar), fed to this service's
 * listeners as Kafka delivers them: a change of resume-ingestion's events that would make this service
 * fetch the wrong file, or erase the wrong resume, fails this test.
 */
class ResumeIngestionGoldenEventsConsumedTest {

    private static final UUID RESUME = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");
    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");

    private final ProfileStore store = mock(ProfileStore.class);
    private final ParsingService parsing = mock(ParsingService.class);
    private final ResumeListeners listeners = new ResumeListeners(firstDelivery(), store, parsing);

    @Test
    void aReceivedResumeIsFetchedFromWhereItWasStoredAndParsed() {
        listeners.received(GoldenEvents.record(ResumeReceived.TOPIC));

        ProfileStore.Document document = new ProfileStore.Document(
                RESUME,
                ORG,
                "resumes",
                "3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13",
                "application/pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        verify(parsing).parse(document);
        verify(store).saveDocument(document, Instant.parse("2026-11-21T10:15:30Z"));
    }

    @Test
    void aDeletedResumeIsErased() {
        listeners.deleted(GoldenEvents.record(ResumeDeleted.TOPIC));

        verify(store).erase(ORG, RESUME, Instant.parse("2026-11-22T08:00:00Z"));
    }

    /** Every event is new: handlers run at once (what the database adds is ProcessedEvents' own test). */
    private static ProcessedEvents firstDelivery() {
        return new ProcessedEvents(null, null, GoldenEvents.JSON) {
            @Override
            public boolean handledBefore(String consumer, ConsumerRecord<String, String> record) {
                return false;
            }

            @Override
            public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
                handler.run();
                return true;
            }
        };
    }
}
