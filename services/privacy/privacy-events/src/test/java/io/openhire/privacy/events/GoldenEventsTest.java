package io.openhire.privacy.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    @Test
    void dataSubjectRequestOpenedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                DataSubjectRequestOpened.TOPIC,
                DataSubjectRequestOpened.class,
                new DataSubjectRequestOpened(
                        UUID.fromString("3c9e1f2a-4b5d-4e6f-8a7b-9c0d1e2f3a4b"),
                        UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                        DataSubjectRequestOpened.Type.ERASURE,
                        Instant.parse("2027-01-06T09:30:00Z"),
                        Instant.parse("2026-12-06T09:30:00Z")));
    }
}
