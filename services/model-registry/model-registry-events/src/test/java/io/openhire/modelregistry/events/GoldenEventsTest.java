package io.openhire.modelregistry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    private static final String SHA = "8b1e5c1c2f6a9c0d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f809";

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void modelPromotedMatchesItsGoldenSample() throws IOException {
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
        assertMatches(ModelPromoted.TOPIC, expected, ModelPromoted.class);
    }

    @Test
    void modelVersionRegisteredMatchesItsGoldenSample() throws IOException {
        ModelVersionRegistered expected = new ModelVersionRegistered(
                "text-embedding",
                3,
                "text-embedding",
                SHA,
                90387606L,
                1,
                "service:training",
                Instant.parse("2026-11-22T08:00:00Z"));
        assertMatches(ModelVersionRegistered.TOPIC, expected, ModelVersionRegistered.class);
    }

    private <T> void assertMatches(String topic, T expected, Class<T> type) throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + topic + ".json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json.readValue(golden, type)).isEqualTo(expected);
        assertThat(json.readTree(json.writeValueAsString(expected))).isEqualTo(json.readTree(golden));
    }
}
