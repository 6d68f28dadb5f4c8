package io.openhire.jobingestion.events;

import io.openhire.platform.test.GoldenEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    @Test
    void jobIngestedMatchesItsGoldenSample() {
        JobIngested expected = new JobIngested(
                UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f"),
                UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                1,
                "OPEN",
                null,
                "Product Engineer",
                "Vault-Tec",
                "Build the product.\n- Java\n- PostgreSQL",
                List.of(new JobIngested.Location("San Francisco", "California", "US", "San Francisco, CA")),
                "HYBRID",
                "FULL_TIME",
                "SENIOR",
                new JobIngested.Salary(new BigDecimal("50000"), new BigDecimal("75000"), "USD", "YEAR", false),
                Instant.parse("2026-11-20T09:00:00Z"),
                null,
                "https://boards.greenhouse.io/vaulttec/jobs/44444",
                "GREENHOUSE",
                UUID.fromString("a3c9e0d2-1b4f-4e6a-8d7c-5f2e1a0b9c8d"),
                Instant.parse("2026-11-22T08:00:00Z"));
        GoldenEvents.assertRoundTrip(JobIngested.TOPIC, JobIngested.class, expected);
    }

    @Test
    void jobSourceFailingMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                JobSourceFailing.TOPIC,
                JobSourceFailing.class,
                new JobSourceFailing(
                        UUID.fromString("7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a090"),
                        UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                        "Vault-Tec careers",
                        UUID.fromString("1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"),
                        "The board answered 404 Not Found for https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs",
                        Instant.parse("2026-12-05T06:00:00Z")));
    }
}
