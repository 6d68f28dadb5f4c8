package io.openhire.identity.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JSON of each event version is a contract with consumers: these samples must keep reading into
 * the records, and the records must keep writing the same JSON.
 */
class GoldenEventsTest {

    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final UUID USER = UUID.fromString("0b9f8d52-5a8e-4b7b-8f1f-0c9c4f7d2e11");
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");

    @Test
    void organizationRegisteredMatchesItsGoldenSample() {
        OrganizationRegistered expected = new OrganizationRegistered(ORG, "Northwind Talent", USER, AT);
        GoldenEvents.assertRoundTrip(OrganizationRegistered.TOPIC, OrganizationRegistered.class, expected);
    }

    @Test
    void userAddedMatchesItsGoldenSample() {
        UserAdded expected = new UserAdded(USER, ORG, "ADMIN", "ACTIVE", AT);
        GoldenEvents.assertRoundTrip(UserAdded.TOPIC, UserAdded.class, expected);
    }
}
