package io.openhire.monitoring.client;

import java.time.Instant;

/**
 * One trace in a list: where it started (its root span's service and operation), when, how long it took in all, how
 * many spans and services it crossed, and whether any span failed.
 */
public record TraceSummary(
        String traceId,
        String service,
        String operation,
        Instant start,
        long durationMicros,
        int spans,
        int services,
        boolean error) {}
