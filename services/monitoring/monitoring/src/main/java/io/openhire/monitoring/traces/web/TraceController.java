package io.openhire.monitoring.traces.web;

import io.openhire.monitoring.client.Trace;
import io.openhire.monitoring.client.TraceLogLine;
import io.openhire.monitoring.client.TraceSummary;
import io.openhire.monitoring.traces.TraceLogs;
import io.openhire.monitoring.traces.TraceStore;
import io.openhire.platform.errors.DomainException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/traces}, {@code /traces/{id}} and {@code /traces/{id}/logs}: platform operators — a trace
 * follows one organisation's request through the platform, and its log lines are the platform's.
 */
@RestController
@RequestMapping("/api/v1/traces")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class TraceController {

    static final int MAX_LIMIT = 200;
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    private final TraceStore traces;
    private final TraceLogs logs;

    TraceController(TraceStore traces, TraceLogs logs) {
        this.traces = traces;
        this.logs = logs;
    }

    @GetMapping
    List<TraceSummary> search(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String operation,
            @RequestParam(defaultValue = "0") long minDurationMs,
            @RequestParam(defaultValue = "50") int limit) {
        if (service != null && !SERVICE.matcher(service).matches()) {
            throw DomainException.invalidField("service", "must be a service name");
        }
        if (operation != null && (operation.isBlank() || operation.length() > 200)) {
            throw DomainException.invalidField("operation", "must be 1 to 200 characters");
        }
        if (minDurationMs < 0 || minDurationMs > 86_400_000L) {
            throw DomainException.invalidField("minDurationMs", "must be from 0 to 86400000");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidField("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return traces.search(service, operation, minDurationMs * 1000, limit);
    }

    @GetMapping("/{traceId}")
    Trace trace(@PathVariable String traceId) {
        check(traceId);
        return traces.trace(traceId).orElseThrow(() -> DomainException.notFound("Trace " + traceId));
    }

    @GetMapping("/{traceId}/logs")
    List<TraceLogLine> logs(@PathVariable String traceId) {
        check(traceId);
        return logs.of(traceId)
                .orElseThrow(() -> DomainException.notFound(
                        "A log file for this installation (its logs are in the log store: search traceId=" + traceId
                                + ")"));
    }

    private static void check(String traceId) {
        if (!TRACE_ID.matcher(traceId).matches()) {
            throw DomainException.invalidField("traceId", "must be 32 lowercase hexadecimal digits");
        }
    }
}
