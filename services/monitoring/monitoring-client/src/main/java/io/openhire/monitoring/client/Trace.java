package io.openhire.monitoring.client;

import java.time.Instant;
import java.util.List;

/** A whole trace: its spans in waterfall order (each after its parent, siblings by start). */
public record Trace(String traceId, Instant start, long durationMicros, List<TraceSpan> spans) {

    public Trace {
        spans = List.copyOf(spans);
    }
}
