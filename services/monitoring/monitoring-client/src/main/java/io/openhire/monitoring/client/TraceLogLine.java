package io.openhire.monitoring.client;

import java.time.Instant;

/** A log line written during a trace (redacted, as every log line is). */
public record TraceLogLine(Instant at, String level, String service, String logger, String message) {}
