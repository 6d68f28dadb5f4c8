package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.monitoring.client.MonitoringApi;
import io.openhire.monitoring.client.Trace;
import io.openhire.monitoring.client.TraceLogLine;
import io.openhire.monitoring.client.TraceSpan;
import io.openhire.monitoring.client.TraceSummary;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The operators' traces rendered from the real templates with a fake monitoring: a trace's waterfall (each bar at its
 * span's share of the trace, indented by depth, a span too short to measure still drawn, a failed one marked with
 * why), its log lines or where they are instead, a trace that is not there and a malformed id; the slow requests
 * with the filters sent on. (Who may open them: SystemPageIT.)
 */
class TracePagesTest {

    static final Instant START = Instant.parse("2026-12-05T10:15:07Z");
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    final FakeMonitoring monitoring = new FakeMonitoring();
    final TracePages pages = new TracePages(monitoring.api());

    @Test
    void theWaterfallPlacesEachSpanByItsShareOfTheTraceIndentedByDepthTheFailedOneMarked() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(pages.trace(TRACE, model)).isEqualTo("trace");
        assertThat(monitoring.asked).containsExactly("trace " + TRACE, "logs " + TRACE);
        String html = render(model, "waterfall");

        // a 100 ms trace: the root all of it, a child from 25 ms for 50 ms, a call at 30 ms too short to measure
        assertThat(rowOf(html, "GET /api/v1/jobs/{id}/matches"))
                .contains("class=\"span depth-0\"", "x=\"0%\" width=\"100%\"", ">100 ms<");
        assertThat(rowOf(html, "MatchService.score"))
                .contains("class=\"span depth-1\"", "x=\"25%\" width=\"50%\"", ">50 ms<")
                .contains("aria-label=\"From 25 ms for 50 ms\"")
                .doesNotContain("failed");
        assertThat(rowOf(html, "GET /api/v1/users/{id}"))
                .contains("<tr class=\"failed\">", "class=\"span depth-2\"", "x=\"30%\" width=\"0%\"")
                .contains("class=\"starts\" y=\"5\" height=\"12\" width=\"2\" x=\"30%\"", ">0 ms<")
                .contains("<span class=\"badge failed\">Failed</span>", "connection refused")
                .contains(
                        "2 attributes",
                        "<dt>http.method</dt><dd>GET</dd>",
                        "<dt>http.route</dt><dd>/api/v1/users/{id}</dd>")
                .contains("title=\"CLIENT\nhttp.method=GET\nhttp.route=/api/v1/users/{id}\"", ">client<");
        // in the given order; the axis at quarters; the trace's facts
        assertThat(html.indexOf("MatchService.score")).isLessThan(html.indexOf("GET /api/v1/users/{id}"));
        assertThat(html)
                .contains(">0 ms</text>", ">25 ms</text>", ">50 ms</text>", ">75 ms</text>", ">100 ms</text>")
                .contains("text-anchor=\"end\"", "Started in <strong>gateway</strong>", "5 Dec 2026, 10:15:07 UTC")
                .contains("3 spans in gateway, matching, identity", "1 failed", TRACE)
                .doesNotContain("style=", "http://");
    }

    @Test
    void theLogLinesOrWhereTheyAreInstead() {
        ExtendedModelMap model = new ExtendedModelMap();
        pages.trace(TRACE, model);
        assertThat(render(model, "logs"))
                .contains("<time datetime=\"2026-12-05T10:15:07.031Z\">10:15:07.031</time>")
                .contains(
                        "<span class=\"badge level-error\">ERROR</span>",
                        "<span class=\"badge level-other\">INFO</span>")
                .contains("title=\"io.openhire.matching.MatchService\">MatchService<", "identity unreachable")
                .doesNotContain("log store");

        monitoring.logsKept = false; // distributed mode: monitoring reads no log file
        model = new ExtendedModelMap();
        pages.trace(TRACE, model);
        assertThat(render(model, "logs"))
                .contains("This installation&#39;s logs are in its log store: search for traceId=" + TRACE)
                .doesNotContain("log-lines");
        assertThat(render(model, "waterfall")).contains("x=\"25%\" width=\"50%\"");
    }

    @Test
    void aTraceThatIsNotThereAndAMalformedIdAreSaidWithoutAskingForTheOther() {
        assertThatThrownBy(() -> pages.trace("0123456789abcdef0123456789abcdef", new ExtendedModelMap()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(p.getMessage()).isEqualTo("There is no such trace (traces are kept for a day).");
                });
        assertThat(monitoring.asked).containsExactly("trace 0123456789abcdef0123456789abcdef");

        for (String malformed : new String[] {TRACE.toUpperCase(), TRACE.substring(1), TRACE + "0", "../errors"}) {
            assertThatThrownBy(() -> pages.trace(malformed, new ExtendedModelMap()))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(p.getMessage()).isEqualTo(PageErrors.BAD_LINK);
                    });
        }
        assertThat(monitoring.asked).hasSize(1);
    }

    @Test
    void theSlowRequestsAreAskedWithTheFiltersAndLinkToTheirTraces() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(pages.slowRequests("matching", 1000, model)).isEqualTo("system :: slow-requests");
        assertThat(monitoring.asked).containsExactly("traces matching null 1000 25");
        String html = SystemPageTest.render(model, "slow-requests");
        assertThat(html)
                .startsWith("<div id=\"slow-request-list\">")
                .contains("2 traces of at least 1,000 ms that went through matching, the newest first.")
                .contains("href=\"/system/traces/" + TRACE + "\"", "GET /api/v1/jobs/{id}/matches", ">1,250 ms<")
                .contains(
                        "<td data-label=\"Spans\" class=\"num\">14</td>",
                        "<td data-label=\"Services\" class=\"num\">3</td>")
                .contains("<tr class=\"degraded\">", "<span class=\"badge failed\">Failed</span>", ">12.5 ms<");

        model = new ExtendedModelMap();
        pages.slowRequests("", 0, model);
        assertThat(monitoring.asked).endsWith("traces null null 0 25");
        assertThat(SystemPageTest.render(model, "slow-requests")).contains("2 traces, the newest first.");

        assertThatThrownBy(() -> pages.slowRequests("Matching; drop", 500, new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class)
                .hasMessage(PageErrors.BAD_LINK);
        assertThatThrownBy(() -> pages.slowRequests(null, -1, new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class);
        assertThat(monitoring.asked).hasSize(2);

        monitoring.away = true;
        model = new ExtendedModelMap();
        pages.slowRequests(null, 500, model);
        assertThat(SystemPageTest.render(model, "slow-requests"))
                .contains(SystemOperatorPages.UNREACHABLE)
                .doesNotContain("<table");
    }

    @Test
    void durationsAndSharesInWords() {
        assertThat(TracePages.millis(0)).isEqualTo("0 ms");
        assertThat(TracePages.millis(40)).isEqualTo("< 0.1 ms");
        assertThat(TracePages.millis(420)).isEqualTo("0.4 ms");
        assertThat(TracePages.millis(12_500)).isEqualTo("12.5 ms");
        assertThat(TracePages.millis(99_990)).isEqualTo("100 ms");
        assertThat(TracePages.millis(1_250_400)).isEqualTo("1,250 ms");
        assertThat(TracePages.percent(100.0 / 3)).isEqualTo("33.333");
        // a span reported as ending after its trace is drawn to the trace's end; one deeper than 8 indented as 8
        TracePages.SpanRow late = TracePages.row(span("late", 12, 80_000, 50_000, false), 100_000);
        assertThat(late.left()).isEqualTo("80");
        assertThat(late.width()).isEqualTo("20");
        assertThat(late.indent()).isEqualTo("depth-8");
        assertThat(TracePages.row(span("only", 0, 0, 0, false), 0).width()).isEqualTo("0");
    }

    /** The {@code <tr>…</tr>} whose span is named {@code name}. */
    private static String rowOf(String html, String name) {
        int at = html.indexOf(">" + name + "<");
        assertThat(at).as(name).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    static String render(Model model, String... fragments) {
        return Templates.render("trace", "/system/traces/" + TRACE, model, Map.of(), fragments);
    }

    static TraceSpan span(String name, int depth, long offsetMicros, long durationMicros, boolean error) {
        return new TraceSpan(
                "s-" + name,
                null,
                "matching",
                name,
                "INTERNAL",
                START,
                offsetMicros,
                durationMicros,
                depth,
                error,
                null,
                Map.of());
    }

    /** Monitoring's trace endpoints as the pages use them (by name), with what it was asked. */
    static final class FakeMonitoring {
        final List<String> asked = new ArrayList<>();
        boolean away;
        boolean logsKept = true;

        MonitoringApi api() {
            return (MonitoringApi) java.lang.reflect.Proxy.newProxyInstance(
                    MonitoringApi.class.getClassLoader(),
                    new Class<?>[] {MonitoringApi.class},
                    (proxy, method, args) -> {
                        try {
                            return FakeMonitoring.class
                                    .getDeclaredMethod(method.getName(), method.getParameterTypes())
                                    .invoke(this, args);
                        } catch (NoSuchMethodException e) {
                            throw new UnsupportedOperationException(method.getName());
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        List<TraceSummary> traces(String service, String operation, Long minDurationMs, Integer limit) {
            if (away) {
                throw DomainException.unavailable(
                        "dependency-unavailable", "The monitoring service is unavailable: it could not be reached.");
            }
            asked.add("traces " + service + " " + operation + " " + minDurationMs + " " + limit);
            return List.of(
                    new TraceSummary(TRACE, "gateway", "GET /api/v1/jobs/{id}/matches", START, 1_250_400, 14, 3, false),
                    new TraceSummary(
                            "0af7651916cd43dd8448eb211c80319c",
                            "matching",
                            "resume.events",
                            START,
                            12_500,
                            2,
                            1,
                            true));
        }

        Trace trace(String traceId) {
            asked.add("trace " + traceId);
            if (!TRACE.equals(traceId)) {
                throw notFound("Trace " + traceId + " was not found");
            }
            return new Trace(
                    TRACE,
                    START,
                    100_000,
                    List.of(
                            new TraceSpan(
                                    "a",
                                    null,
                                    "gateway",
                                    "GET /api/v1/jobs/{id}/matches",
                                    "SERVER",
                                    START,
                                    0,
                                    100_000,
                                    0,
                                    false,
                                    null,
                                    Map.of("http.method", "GET")),
                            new TraceSpan(
                                    "b",
                                    "a",
                                    "matching",
                                    "MatchService.score",
                                    "INTERNAL",
                                    START.plusMillis(25),
                                    25_000,
                                    50_000,
                                    1,
                                    false,
                                    null,
                                    Map.of()),
                            new TraceSpan(
                                    "c",
                                    "b",
                                    "identity",
                                    "GET /api/v1/users/{id}",
                                    "CLIENT",
                                    START.plusMillis(30),
                                    30_000,
                                    0,
                                    2,
                                    true,
                                    "connection refused",
                                    Map.of("http.route", "/api/v1/users/{id}", "http.method", "GET"))));
        }

        List<TraceLogLine> traceLogs(String traceId) {
            asked.add("logs " + traceId);
            if (!logsKept) {
                throw notFound("A log file for this installation was not found");
            }
            return List.of(
                    new TraceLogLine(
                            START.plusMillis(31),
                            "INFO",
                            "matching",
                            "io.openhire.matching.MatchService",
                            "Scoring 12 candidates"),
                    new TraceLogLine(
                            START.plusMillis(32),
                            "ERROR",
                            "matching",
                            "io.openhire.matching.MatchService",
                            "identity unreachable"));
        }

        private static HttpClientErrorException notFound(String detail) {
            return HttpClientErrorException.create(
                    HttpStatus.NOT_FOUND,
                    "Not Found",
                    new HttpHeaders(),
                    ("{\"status\":404,\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
        }
    }
}
