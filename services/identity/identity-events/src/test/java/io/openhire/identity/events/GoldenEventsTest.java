package io.openhire.identity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of each event version is a contract with consumers: these samples must keep reading into
 * the records, and the records must keep writing the same JSON.
 */
class GoldenEventsTest {

    // Configured like Spring Boot's mapper: ISO-8601 instants, unknown properties tolerated.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final UUID USER = UUID.fromString("0b9f8d52-5a8e-4b7b-8f1f-0c9c4f7d2e11");
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");

    @Test
    void organizationRegisteredMatchesItsGoldenSample() throws IOException {
        String golden = golden(OrganizationRegistered.TOPIC);
        OrganizationRegistered expected = new OrganizationRegistered(ORG, "Northwind Talent", USER, AT);

        assertThat(json.readValue(golden, OrganizationRegistered.class)).isEqualTo(expected);
        assertThat(json.readTree(json.writeValueAsString(expected))).isEqualTo(json.readTree(golden));
    }

    @Test
    void userAddedMatchesItsGoldenSample() throws IOException {
        String golden = golden(UserAdded.TOPIC);
        UserAdded expected = new UserAdded(USER, ORG, "ADMIN", "ACTIVE", AT);

        assertThat(json.readValue(golden, UserAdded.class)).isEqualTo(expected);
        assertThat(json.readTree(json.writeValueAsString(expected))).isEqualTo(json.readTree(golden));
    }

    private static String golden(String topic) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + topic + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
