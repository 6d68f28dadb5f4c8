package io.openhire.resumeingestion.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void resumeReceivedMatchesItsGoldenSample() throws IOException {
        String golden = golden(ResumeReceived.TOPIC);
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

        assertThat(json.readValue(golden, ResumeReceived.class)).isEqualTo(expected);
        assertThat(json.readTree(json.writeValueAsString(expected))).isEqualTo(json.readTree(golden));
    }

    @Test
    void resumeDeletedMatchesItsGoldenSample() throws IOException {
        String golden = golden(ResumeDeleted.TOPIC);
        ResumeDeleted expected = new ResumeDeleted(
                UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13"),
                UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                Instant.parse("2026-11-22T08:00:00Z"));

        assertThat(json.readValue(golden, ResumeDeleted.class)).isEqualTo(expected);
        assertThat(json.readTree(json.writeValueAsString(expected))).isEqualTo(json.readTree(golden));
    }

    private static String golden(String topic) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + topic + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
