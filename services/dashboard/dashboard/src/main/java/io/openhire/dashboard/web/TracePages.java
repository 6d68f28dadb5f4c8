package io.openhire.dashboard.web;

import io.openhire.monitoring.client.MonitoringApi;
import io.openhire.monitoring.client.Trace;
import io.openhire.monitoring.client.TraceLogLine;
import io.openhire.monitoring.client.TraceSpan;
import io.openhire.monitoring.client.TraceSummary;
import io.openhire.platform.web.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

/**
 * The platform operators' traces: the System page's "Slow requests" ({@code /system/traces}, which the page's
 * filter form loads) and one trace as a waterfall with its log lines ({@code /system/traces/{traceId}}). A trace
 * follows one organisation's request through every service, and its log lines are the platform's, so both are for
 * platform operators only: {@code SignInSecurity} refuses anyone else these paths, and monitoring refuses them too.
 */
@Controller
class TracePages {

    /** How many traces the slow-requests list shows (the newest first, as monitoring answers them). */
    static final int SLOW_SHOWN = 25;

    static final long DEFAULT_MIN_MS = 500;

    /** Monitoring's own bounds for a minimum duration: up to a day. */
    private static final long MAX_MIN_MS = 86_400_000L;

    /** A W3C trace id, as monitoring checks it: asking with anything else would only get its 400. */
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    /** A service's name, as monitoring checks it. */
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    /** Deeper spans are indented as this deep: the name column must keep room for the name. */
    static final int MAX_INDENT = 8;

    static final String NO_SUCH_TRACE = "There is no such trace (traces are kept for a day).";

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MonitoringApi monitoring;

    TracePages(MonitoringApi monitoring) {
        this.monitoring = monitoring;
    }

    /** One line of the slow-requests list; {@code duration} in words ("1,250 ms"). */
    record SlowRequest(
            String traceId,
            Instant start,
            String service,
            String operation,
            String duration,
            int spans,
            int services,
            boolean failed) {}

    /**
     * A trace as the waterfall shows it: its root's service and operation, how long it took in all, the services it
     * crossed (in the waterfall's order), and {@code ticks}, the time at 0, ¼, ½, ¾ and all of it.
     */
    record TraceView(
            String traceId,
            Instant start,
            String service,
            String operation,
            String duration,
            List<String> services,
            long failedSpans,
            List<String> ticks,
            List<SpanRow> spans) {}

    /**
     * One span's row. {@code left} and {@code width}: where its bar starts and how long it is, in percent of the
     * trace's duration ("25", "33.333"); {@code indent}: its depth as a style class; {@code tooltip}: its kind and
     * attributes, one per line.
     */
    record SpanRow(
            String service,
            String name,
            String kind,
            int depth,
            String indent,
            String left,
            String width,
            String startsAt,
            String duration,
            boolean error,
            String statusMessage,
            List<Attribute> attributes,
            String tooltip) {}

    record Attribute(String key, String value) {}

    /**
     * A log line; {@code time} to the millisecond (the trace's day is above), {@code levelClass} its level as a style
     * class.
     */
    record LogRow(
            Instant at,
            String time,
            String level,
            String levelClass,
            String service,
            String logger,
            String loggerShort,
            String message) {}

    @GetMapping("/system/traces")
    String slowRequests(
            @RequestParam(required = false) String service,
            @RequestParam(defaultValue = "" + DEFAULT_MIN_MS) long minMs,
            Model model) {
        String only = service == null || service.isBlank() ? null : service;
        if ((only != null && !SERVICE.matcher(only).matches()) || minMs < 0 || minMs > MAX_MIN_MS) {
            throw ProblemException.badRequest("link", PageErrors.BAD_LINK);
        }
        String of = (minMs == 0 ? "" : " of at least " + millis(minMs * 1000))
                + (only == null ? "" : " that went through " + only);
        try {
            List<SlowRequest> slow = monitoring.traces(only, null, minMs, SLOW_SHOWN).stream()
                    .map(TracePages::slowRequest)
                    .toList();
            model.addAttribute("slowRequests", slow);
            model.addAttribute(
                    "slowRequestsAbout",
                    slow.isEmpty()
                            ? "No traces" + of + " in the last day."
                            : slow.size() == 1
                                    ? "1 trace" + of + "."
                                    : slow.size() == SLOW_SHOWN
                                            ? "The " + SLOW_SHOWN + " newest traces" + of + "."
                                            : slow.size() + " traces" + of + ", the newest first.");
        } catch (RuntimeException failed) {
            model.addAttribute("tracesProblem", SystemOperatorPages.sentence(failed, null));
        }
        return "system :: slow-requests";
    }

    @GetMapping("/system/traces/{traceId}")
    String trace(@PathVariable String traceId, Model model) {
        if (!TRACE_ID.matcher(traceId).matches()) {
            throw ProblemException.badRequest("link", PageErrors.BAD_LINK);
        }
        Trace trace;
        try {
            trace = monitoring.trace(traceId);
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", NO_SUCH_TRACE);
            }
            throw refused; // the page's error handling says it (or signs the person in again)
        }
        model.addAttribute("trace", waterfall(trace));
        addLogs(traceId, model);
        return "trace";
    }

    /**
     * {@code logLines}; or {@code logsElsewhere} where the installation keeps no log file (distributed mode: its
     * logs are in a log store, where the trace id finds them); or {@code logsProblem}. The waterfall shows either way.
     */
    private void addLogs(String traceId, Model model) {
        try {
            model.addAttribute(
                    "logLines",
                    monitoring.traceLogs(traceId).stream()
                            .map(TracePages::logRow)
                            .toList());
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                model.addAttribute(
                        "logsElsewhere",
                        "This installation's logs are in its log store: search for traceId=" + traceId);
            } else {
                model.addAttribute("logsProblem", SystemOperatorPages.sentence(refused, null));
            }
        } catch (RuntimeException failed) {
            model.addAttribute("logsProblem", SystemOperatorPages.sentence(failed, null));
        }
    }

    private static SlowRequest slowRequest(TraceSummary t) {
        return new SlowRequest(
                t.traceId(),
                t.start(),
                t.service(),
                t.operation(),
                millis(t.durationMicros()),
                t.spans(),
                t.services(),
                t.error());
    }

    static TraceView waterfall(Trace trace) {
        long total = Math.max(trace.durationMicros(), 0);
        List<SpanRow> rows = trace.spans().stream().map(s -> row(s, total)).toList();
        List<String> services =
                trace.spans().stream().map(TraceSpan::service).distinct().toList();
        List<String> ticks = new ArrayList<>();
        for (int quarter = 0; quarter <= 4; quarter++) {
            ticks.add(millis(total * quarter / 4));
        }
        TraceSpan root = trace.spans().isEmpty() ? null : trace.spans().getFirst();
        return new TraceView(
                trace.traceId(),
                trace.start(),
                root == null ? null : root.service(),
                root == null ? null : root.name(),
                millis(total),
                services,
                trace.spans().stream().filter(TraceSpan::error).count(),
                ticks,
                rows);
    }

    /**
     * Where the span's bar goes: its offset and duration as percentages of the whole trace, kept inside it (a span
     * reported by a service whose clock runs ahead may seem to end after its trace does).
     */
    static SpanRow row(TraceSpan span, long totalMicros) {
        double left = totalMicros == 0 ? 0 : clamp(100.0 * span.offsetMicros() / totalMicros, 0, 100);
        double width = totalMicros == 0 ? 0 : clamp(100.0 * span.durationMicros() / totalMicros, 0, 100 - left);
        List<Attribute> attributes = span.attributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(a -> new Attribute(a.getKey(), a.getValue()))
                .toList();
        String tooltip = attributes.stream()
                .map(a -> a.key() + "=" + a.value())
                .collect(Collectors.joining("\n", span.kind() == null ? "" : span.kind() + "\n", ""))
                .strip();
        return new SpanRow(
                span.service(),
                span.name(),
                span.kind() == null ? "" : span.kind().toLowerCase(Locale.ROOT),
                span.depth(),
                "depth-" + Math.clamp(span.depth(), 0, MAX_INDENT),
                percent(left),
                percent(width),
                millis(Math.max(span.offsetMicros(), 0)),
                millis(span.durationMicros()),
                span.error(),
                span.statusMessage(),
                attributes,
                tooltip);
    }

    private static LogRow logRow(TraceLogLine line) {
        String level = line.level() == null ? "" : line.level();
        String logger = line.logger() == null ? "" : line.logger();
        return new LogRow(
                line.at(),
                line.at() == null ? "" : LOG_TIME.format(line.at()),
                level,
                // a style class only from the known levels: the text itself comes from a log file
                switch (level) {
                    case "ERROR" -> "level-error";
                    case "WARN" -> "level-warn";
                    default -> "level-other";
                },
                line.service(),
                logger,
                logger.substring(logger.lastIndexOf('.') + 1),
                line.message());
    }

    /** "0.4 ms" and "12.5 ms" below 100 ms, where tenths still matter; "250 ms" and "1,250 ms" above. */
    static String millis(long micros) {
        if (micros > 0 && micros < 50) {
            return "< 0.1 ms"; // not "0 ms": it did take time
        }
        if (micros < 100_000) {
            return BigDecimal.valueOf(Math.max(micros, 0))
                            .divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                    + " ms";
        }
        return String.format(Locale.ENGLISH, "%,d ms", Math.round(micros / 1000.0));
    }

    /** "25", "33.333", "0": a percentage for an SVG attribute, without a locale's comma. */
    static String percent(double value) {
        return BigDecimal.valueOf(value)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
