package io.openhire.resumeingestion.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    @Test
    void resumeReceivedMatchesItsGoldenSample() {
        UUID resume = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");
        ResumeReceived expected = new ResumeReceived(
                resume,
                UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                "resumes",
                resume.toString(),
                "application/pdf",
                48213,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "UPLOAD",
                null,
                Instant.parse("2026-11-21T10:15:30Z"));
        GoldenEvents.assertRoundTrip(ResumeReceived.TOPIC, ResumeReceived.class, expected);
    }

    @Test
    void resumeDeletedMatchesItsGoldenSample() {
        ResumeDeleted expected = new ResumeDeleted(
                UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13"),
                UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                Instant.parse("2026-11-22T08:00:00Z"));
        GoldenEvents.assertRoundTrip(ResumeDeleted.TOPIC, ResumeDeleted.class, expected);
    }
}
