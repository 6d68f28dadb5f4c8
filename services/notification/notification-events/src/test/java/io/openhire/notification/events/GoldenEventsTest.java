package io.openhire.notification.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    @Test
    void notificationCreatedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                NotificationCreated.TOPIC,
                NotificationCreated.class,
                new NotificationCreated(
                        UUID.fromString("2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a2b3c4d"),
                        UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                        null,
                        NotificationType.CANDIDATE_REPLIED,
                        Instant.parse("2026-12-05T11:02:01Z")));
    }
}
