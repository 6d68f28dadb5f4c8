package io.openhire.monitoring.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every report of one error (same service, source, type and top frames), counted: the Sentry model.
 *
 * @param status {@code open}, {@code resolved}, or {@code reopened} (reported again after being resolved)
 * @param organizations how many organisations it happened to (which ones is the operator's to look up, not shown)
 * @param lastTraceId the trace of its latest occurrence, if it was traced
 * @param lastRequestId the request id its latest caller saw (what a user quotes)
 */
public record ErrorGroup(
        UUID id,
        String service,
        String source,
        String type,
        String message,
        List<String> frames,
        String operation,
        Instant firstSeen,
        Instant lastSeen,
        long occurrences,
        int organizations,
        String lastTraceId,
        String lastRequestId,
        String status,
        Instant resolvedAt) {

    public ErrorGroup {
        frames = frames == null ? List.of() : List.copyOf(frames);
    }
}
