package io.openhire.jobingestion;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** job-ingestion's settings as its defaults have them, for tests without Spring. */
public final class TestProperties {

    private TestProperties() {}

    /** The defaults, with private hosts allowed or not and the given request timeout. */
    public static JobIngestionProperties defaults(boolean allowPrivateHosts, Duration timeout) {
        return new JobIngestionProperties(
                "OpenHireBot/0.1 (+https://openhire.test/bot)",
                timeout,
                DataSize.ofMegabytes(5),
                Duration.ofHours(1),
                Duration.ofMillis(1),
                500,
                200,
                1000,
                100_000,
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                allowPrivateHosts,
                null);
    }
}
