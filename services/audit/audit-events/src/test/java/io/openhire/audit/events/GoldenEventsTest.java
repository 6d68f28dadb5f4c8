package io.openhire.audit.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    @Test
    void auditAlertRaisedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                AuditAlertRaised.TOPIC,
                AuditAlertRaised.class,
                new AuditAlertRaised(
                        UUID.fromString("5b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f"),
                        UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                        UUID.fromString("9e8d7c6b-5a49-4382-8170-6f5e4d3c2b1a"),
                        "Mass resume downloads",
                        "user:7a1c2f4e-3b5d-4c6e-8f70-112233445566",
                        "resume.downloaded",
                        20,
                        60,
                        21,
                        UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"),
                        Instant.parse("2026-12-05T22:40:00Z")));
    }
}
