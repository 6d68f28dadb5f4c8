package io.openhire.monitoring.client;

import io.openhire.platform.monitoring.ErrorReport;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The monitoring service as an HTTP interface for {@code ServiceClients} (the dashboard's System page):
 *
 * <pre>{@code
 * MonitoringApi monitoring = serviceClients.create(MonitoringApi.class, "monitoring");
 * PlatformStatus now = monitoring.status();
 * }</pre>
 *
 * The status is for organisation admins and platform operators; errors and dead letters, which span every
 * organisation, for platform operators only. Services report errors through platform-core's {@code ErrorReporter}.
 */
public interface MonitoringApi {

    @GetExchange("/api/v1/monitoring/status")
    PlatformStatus status();

    /** Reports an error (any signed-in caller; the organisation is the caller's). Answers 202. */
    @PostExchange("/api/v1/errors/report")
    void report(@RequestBody ErrorReport report);

    /** Error groups, most recently seen first; {@code status}: open (open and reopened), resolved, or all. */
    @GetExchange("/api/v1/errors")
    ErrorGroups errors(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size);

    @GetExchange("/api/v1/errors/{id}")
    ErrorGroup error(@PathVariable UUID id);

    /** Marks the error resolved; a new report of it reopens it. */
    @PostExchange("/api/v1/errors/{id}/resolve")
    ErrorGroup resolve(@PathVariable UUID id);

    /** The latest dead-lettered records (at most {@code limit}, 1–200, default 50), newest first. */
    @GetExchange("/api/v1/monitoring/dead-letters")
    List<DeadLetter> deadLetters(
            @RequestParam(required = false) String topic, @RequestParam(required = false) Integer limit);

    @GetExchange("/api/v1/monitoring/dead-letters/{topic}/{partition}/{offset}")
    DeadLetter deadLetter(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset);

    /** Sends the record back to its original topic, once; answers the record with its replay. */
    @PostExchange("/api/v1/monitoring/dead-letters/{topic}/{partition}/{offset}/replay")
    DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset);

    /**
     * Recent traces, newest first: of one service (any span), of one operation (a span's name contains it), at least
     * {@code minDurationMs} long; {@code limit} 1–200 (50).
     */
    @GetExchange("/api/v1/traces")
    List<TraceSummary> traces(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String operation,
            @RequestParam(required = false) Long minDurationMs,
            @RequestParam(required = false) Integer limit);

    @GetExchange("/api/v1/traces/{traceId}")
    Trace trace(@PathVariable String traceId);

    /** The log lines written during the trace, oldest first (the all-in-one's log files; 404 where there are none). */
    @GetExchange("/api/v1/traces/{traceId}/logs")
    List<TraceLogLine> traceLogs(@PathVariable String traceId);
}
