package io.openhire.modelregistry.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    private static final String SHA = "8b1e5c1c2f6a9c0d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f809";

    @Test
    void modelPromotedMatchesItsGoldenSample() {
        ModelPromoted expected = new ModelPromoted(
                "text-embedding",
                "champion",
                2,
                1,
                "PROMOTE",
                SHA,
                "user:0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f",
                "better recall on the October evaluation",
                Instant.parse("2026-11-22T08:00:00Z"));
        GoldenEvents.assertRoundTrip(ModelPromoted.TOPIC, ModelPromoted.class, expected);
    }

    @Test
    void modelVersionRegisteredMatchesItsGoldenSample() {
        ModelVersionRegistered expected = new ModelVersionRegistered(
                "text-embedding",
                3,
                "text-embedding",
                SHA,
                90387606L,
                1,
                "service:training",
                Instant.parse("2026-11-22T08:00:00Z"));
        GoldenEvents.assertRoundTrip(ModelVersionRegistered.TOPIC, ModelVersionRegistered.class, expected);
    }
}
