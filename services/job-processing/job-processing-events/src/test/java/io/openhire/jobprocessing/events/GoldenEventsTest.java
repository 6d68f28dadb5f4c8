package io.openhire.jobprocessing.events;

import io.openhire.platform.test.GoldenEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    @Test
    void jobOptimizedMatchesItsGoldenSample() {
        JobOptimized expected = new JobOptimized(
                UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f"),
                UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10"),
                2,
                "OPEN",
                null,
                "Senior Data Engineer",
                "Initech",
                "SENIOR",
                5,
                List.of(
                        new JobOptimized.JobSkill("onet:kafka", "Apache Kafka"),
                        new JobOptimized.JobSkill(null, "distributed systems")),
                List.of(new JobOptimized.JobSkill("onet:terraform", "Terraform")),
                List.of("data pipelines", "streaming"),
                "HYBRID",
                List.of(new JobOptimized.Location("Austin", "Texas", "US")),
                new JobOptimized.AnnualSalary(new BigDecimal("120000"), new BigDecimal("140000"), "USD"),
                78,
                "1",
                Instant.parse("2026-11-22T08:00:00Z"));
        GoldenEvents.assertRoundTrip(JobOptimized.TOPIC, JobOptimized.class, expected);
    }
}
