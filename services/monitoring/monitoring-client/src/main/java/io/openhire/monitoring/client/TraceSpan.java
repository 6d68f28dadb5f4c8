package io.openhire.monitoring.client;

import java.time.Instant;
import java.util.Map;

/**
 * One span of a trace, placed for a waterfall: {@code offsetMicros} after the trace's start, {@code depth} steps
 * below its root.
 *
 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or {@code INTERNAL}
 * @param statusMessage why it failed, scrubbed; null when it did not
 * @param attributes the span's low-cardinality attributes (method, route template, status, outcome, topic…); never a
 *     full URL, a query or a header
 */
public record TraceSpan(
        String spanId,
        String parentSpanId,
        String service,
        String name,
        String kind,
        Instant start,
        long offsetMicros,
        long durationMicros,
        int depth,
        boolean error,
        String statusMessage,
        Map<String, String> attributes) {

    public TraceSpan {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
