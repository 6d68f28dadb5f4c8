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
}
