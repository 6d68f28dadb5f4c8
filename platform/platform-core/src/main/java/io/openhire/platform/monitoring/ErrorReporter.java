package io.openhire.platform.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import io.openhire.platform.web.RequestIdFilter;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.RestClient;

/**
 * Sends this service's unexpected errors to the monitoring service ({@code POST /api/v1/errors/report}), where
 * they are grouped and counted (see {@link ErrorReport}). Reporting never slows down or fails the work that
 * failed: the report is queued (at most {@value #QUEUE} waiting; more are dropped and counted as {@code
 * openhire_errors_reports_dropped_total}) and sent by one background thread, once, without retries.
 *
 * <p>It sends with the token of the work that failed: the user's (a request), this service's own for the
 * organisation the event belonged to (a listener), or for the platform organisation when there is none. Monitoring
 * records the token's organisation as the one affected, so a report cannot claim another organisation.
 */
public class ErrorReporter implements SmartLifecycle {

    static final int QUEUE = 100;
    private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

    private record Pending(ErrorReport report, Supplier<String> token) {}

    private final String service;
    private final RestClient monitoring;
    private final ServiceAccount serviceAccount;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Counter dropped;
    private final Counter failed;
    private volatile Thread sender;

    public ErrorReporter(String service, RestClient monitoring, ServiceAccount serviceAccount, MeterRegistry meters) {
        this.service = service;
        this.monitoring = monitoring;
        this.serviceAccount = serviceAccount;
        this.dropped = meters == null ? null : meters.counter("openhire.errors.reports.dropped");
        this.failed = meters == null ? null : meters.counter("openhire.errors.reports.failed");
    }

    /** The sender runs while the service does (a lifecycle bean: stopped before the service's context closes). */
    @Override
    public void start() {
        sender = Thread.ofVirtual().name(service + "-error-reporter").start(this::sendAll);
    }

    @Override
    public void stop() {
        Thread running = sender;
        if (running != null) {
            running.interrupt();
        }
        sender = null;
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }

    /** An unexpected error while answering a request (answered with a 500). {@code operation}: the route pattern. */
    public void requestFailed(Throwable e, String operation) {
        Supplier<String> token = userToken();
        if (token == null && serviceAccount != null) {
            token = () -> serviceAccount.tokenFor(PlatformOrganization.ID);
        }
        enqueue(report("request", e, operation), token);
    }

    /** A record given up on and dead-lettered. {@code organizationId}: the event's, when it says. */
    public void listenerFailed(Throwable e, String topic, UUID organizationId) {
        if (serviceAccount == null) {
            return; // a listener in a service without credentials of its own: nothing to send with
        }
        UUID organization = organizationId == null ? PlatformOrganization.ID : organizationId;
        enqueue(report("listener", e, topic), () -> serviceAccount.tokenFor(organization));
    }

    private ErrorReport report(String source, Throwable e, String operation) {
        Throwable root = ErrorReport.rootOf(e);
        return new ErrorReport(
                service,
                source,
                root.getClass().getName(),
                ErrorReport.scrub(root.getMessage()),
                ErrorReport.framesOf(e),
                operation == null || operation.length() <= 200 ? operation : operation.substring(0, 200),
                MDC.get("traceId"),
                RequestIdFilter.current());
    }

    /** The signed-in user's token, read now: the sender thread runs outside the request. */
    private static Supplier<String> userToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            String value = jwt.getTokenValue();
            return () -> value;
        }
        return null;
    }

    private void enqueue(ErrorReport report, Supplier<String> token) {
        if (token == null) {
            return; // no credentials at all (a failed sign-in at identity): the log has it
        }
        if (!queue.offer(new Pending(report, token)) && dropped != null) {
            dropped.increment();
        }
    }

    private void sendAll() {
        while (!Thread.currentThread().isInterrupted()) {
            Pending pending;
            try {
                pending = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                monitoring
                        .post()
                        .uri("/api/v1/errors/report")
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(pending.token().get()))
                        .body(pending.report())
                        .retrieve()
                        .toBodilessEntity();
            } catch (RuntimeException e) {
                // Monitoring away: the error is in this service's log anyway; do not log the report again.
                if (failed != null) {
                    failed.increment();
                }
                log.debug(
                        "Could not report an error to monitoring: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Reports still queued: for tests that wait for the queue to drain. */
    int waiting() {
        return queue.size();
    }
}
