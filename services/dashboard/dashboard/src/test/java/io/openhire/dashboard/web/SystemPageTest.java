package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.monitoring.client.ConsumerGroupLag;
import io.openhire.monitoring.client.DeadLetter;
import io.openhire.monitoring.client.DeadLetterTopic;
import io.openhire.monitoring.client.ErrorGroup;
import io.openhire.monitoring.client.ErrorGroups;
import io.openhire.monitoring.client.MonitoringApi;
import io.openhire.monitoring.client.PlatformStatus;
import io.openhire.monitoring.client.ServiceStatus;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.monitoring.ErrorReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The System page from the monitoring service's answers, rendered from the real template: the services (one down,
 * highlighted, with the part that is down), versions, outboxes, lag most behind first, dead-letter topics; a sentence
 * instead of the status when monitoring cannot be reached; and the operators' error groups and dead letters with
 * their Resolve and Replay, a second replay told in words. (Who sees which part: SystemPageIT.)
 */
class SystemPageTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:15:07Z");
    static final UUID ERROR = UUID.fromString("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    final FakeMonitoring monitoring = new FakeMonitoring();

    @Test
    void theStatusShowsEveryServiceTheOneDownHighlightedAndTheLagMostBehindFirst() {
        ExtendedModelMap model = new ExtendedModelMap();
        new SystemPage(monitoring.api()).healthOnly(model);
        String html = render(model, "health");

        assertThat(html)
                .contains("hx-get=\"/system/health\"", "hx-trigger=\"every 10s\"")
                .contains("5 Dec 2026, 10:15:07 UTC")
                .contains("1 of 3 services need attention.")
                .contains("<tr class=\"degraded\">", "<span class=\"badge down\">Down</span>", "down: db")
                .contains(">0.1.0-abc<", ">1500 ms<", "<td data-label=\"Parts down\">db</td>")
                .contains("<td data-label=\"Outbox waiting\" class=\"num\">12</td>", ">3 min<", ">2<")
                .contains("Kafka is reachable.")
                .contains("resume.events.dlt", "<td class=\"num\">4</td>", "<td class=\"num\">1</td>")
                .doesNotContain("http://");
        // services by name; the group most behind first, its topics in a details that stays open on refresh
        assertThat(html.indexOf(">identity<")).isLessThan(html.indexOf(">matching<"));
        assertThat(html.indexOf(">matching-listeners<")).isLessThan(html.indexOf(">audit-listeners<"));
        assertThat(html)
                .contains("<details id=\"lag-matching-listeners\">", "2 topics", "resume.events: 30", "job.events: 7")
                .contains("job.events: 1");
        assertThat(html.indexOf("resume.events: 30")).isLessThan(html.indexOf("job.events: 7"));
    }

    @Test
    void kafkaAwayAndMonitoringAwayAreSaidInASentence() {
        monitoring.kafka = false;
        ExtendedModelMap model = new ExtendedModelMap();
        new SystemPage(monitoring.api()).healthOnly(model);
        assertThat(render(model, "health"))
                .contains("Kafka cannot be reached: consumer lag and dead letters are not known.")
                .doesNotContain("consumer-lag");

        monitoring.away = true;
        model = new ExtendedModelMap();
        new SystemPage(monitoring.api()).healthOnly(model);
        assertThat(render(model, "health"))
                .contains("hx-trigger=\"every 10s\"", SystemPage.UNREACHABLE.substring(0, 40))
                .doesNotContain("<table");
    }

    @Test
    void anOperatorResolvesAnErrorAndReplaysADeadLetterOnce() {
        SystemOperatorPages pages = new SystemOperatorPages(monitoring.api());
        ExtendedModelMap model = new ExtendedModelMap();
        pages.errors(model);
        assertThat(monitoring.asked).containsExactly("errors open 0 50");
        assertThat(render(model, "errors"))
                .contains("matching", "java.lang.IllegalStateException", "no index for {id}", "GET /api/v1/matches")
                .contains(
                        "<td data-label=\"Times\" class=\"num\">7</td>",
                        "<td data-label=\"Organisations\" class=\"num\">2</td>")
                .contains("req-42", "Reopened", "12 frames")
                .contains("hx-post=\"/system/errors/" + ERROR + "/resolve\"")
                // the latest occurrence's trace, for the operator to follow
                .contains(
                        "<a class=\"trace-link\" href=\"/system/traces/4bf92f3577b34da6a3ce929d0e0e4736\"",
                        ">trace</a>");

        model = new ExtendedModelMap();
        pages.resolve(ERROR, model);
        assertThat(monitoring.asked).contains("resolve " + ERROR);
        assertThat(render(model, "errors")).contains("Resolved IllegalStateException in matching.");

        model = new ExtendedModelMap();
        pages.deadLetters(model);
        assertThat(render(model, "dead-letters"))
                .contains("resume.events.dlt", "0/12", "resume.parsed", "IndexNotReady", "matching-listeners")
                .contains("hx-post=\"/system/dead-letters/resume.events.dlt/0/12/replay\"");

        model = new ExtendedModelMap();
        pages.replay("resume.events.dlt", 0, 12, model);
        assertThat(monitoring.asked).contains("replay resume.events.dlt 0 12");
        assertThat(render(model, "dead-letters"))
                .contains("Replayed: the record went back to resume.events (partition 1, offset 99).")
                .contains("Replayed 5 Dec 2026, 10:15:07 UTC to resume.events (partition 1, offset 99)")
                .doesNotContain("hx-post=\"/system/dead-letters/resume.events.dlt/0/12/replay\"");

        model = new ExtendedModelMap();
        pages.replay("resume.events.dlt", 0, 12, model);
        assertThat(render(model, "dead-letters")).contains(SystemOperatorPages.ALREADY_REPLAYED);
    }

    @Test
    void theOperatorsPartsSayWhenMonitoringCannotBeReached() {
        monitoring.away = true;
        SystemOperatorPages pages = new SystemOperatorPages(monitoring.api());
        ExtendedModelMap model = new ExtendedModelMap();
        pages.resolve(ERROR, model);
        assertThat(render(model, "errors"))
                .contains("The monitoring service cannot be reached: nothing was resolved.")
                .contains(SystemOperatorPages.UNREACHABLE);
        model = new ExtendedModelMap();
        pages.replay("resume.events.dlt", 0, 12, model);
        assertThat(render(model, "dead-letters"))
                .contains("The monitoring service cannot be reached: nothing was replayed.");
    }

    @Test
    void aBrowserRouteBecomesItsPagesPattern() {
        assertThat(BrowserErrors.pattern("/candidates/22222222-2222-4222-8222-222222222222"))
                .isEqualTo("/candidates/{id}");
        assertThat(BrowserErrors.pattern("/jobs/11111111-1111-4111-8111-111111111111/board"))
                .isEqualTo("/jobs/{id}/board");
        assertThat(BrowserErrors.pattern("/mail/42")).isEqualTo("/mail/{n}");
        assertThat(BrowserErrors.pattern("/users/ada@pages.test")).isEqualTo("/users/{value}");
        assertThat(BrowserErrors.pattern("/models/text-embedding")).isEqualTo("/models/text-embedding");
        assertThat(BrowserErrors.pattern("/")).isEqualTo("/");
        assertThat(SystemPage.age(4.4)).isEqualTo("4 s");
        assertThat(SystemPage.age(200.0)).isEqualTo("3 min");
        assertThat(SystemPage.age(0.0)).isEqualTo("–");
    }

    static String render(Model model, String... fragments) {
        return Templates.render("system", "/system", model, Map.of(), fragments);
    }

    /**
     * The monitoring service as the page sees it: what it was asked, and a record replayed once. Its {@link #api()}
     * answers the methods the page uses (by name) and refuses the rest, so the client may grow without this changing.
     */
    static final class FakeMonitoring {
        final List<String> asked = new ArrayList<>();
        boolean away;
        boolean kafka = true;
        DeadLetter.Replay replayed;

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

        private void check() {
            if (away) {
                throw DomainException.unavailable(
                        "dependency-unavailable", "The monitoring service is unavailable: it could not be reached.");
            }
        }

        PlatformStatus status() {
            check();
            return new PlatformStatus(
                    NOW,
                    "DOWN",
                    List.of(
                            new ServiceStatus(
                                    "matching",
                                    "DOWN",
                                    "0.1.0-abc",
                                    1500,
                                    Map.of("db", "DOWN", "ping", "UP"),
                                    12L,
                                    200.0,
                                    2L,
                                    "down: db"),
                            new ServiceStatus("identity", "UP", "0.1.0-abc", 8, Map.of("db", "UP"), 0L, 0.0, 0L, null),
                            new ServiceStatus("model-serving", "UP", null, 20, Map.of(), null, null, null, null)),
                    kafka,
                    kafka
                            ? List.of(
                                    new ConsumerGroupLag(
                                            "audit-listeners",
                                            1,
                                            List.of(new ConsumerGroupLag.TopicLag("job.events", 1))),
                                    new ConsumerGroupLag(
                                            "matching-listeners",
                                            37,
                                            List.of(
                                                    new ConsumerGroupLag.TopicLag("job.events", 7),
                                                    new ConsumerGroupLag.TopicLag("resume.events", 30))))
                            : List.of(),
                    kafka ? List.of(new DeadLetterTopic("resume.events.dlt", "resume.events", 4, 1)) : List.of());
        }

        void report(ErrorReport report) {
            check();
            asked.add("report " + report.type());
        }

        ErrorGroups errors(String status, String service, Integer page, Integer size) {
            check();
            asked.add("errors " + status + " " + page + " " + size);
            return new ErrorGroups(List.of(group("reopened")), 1, 0, 50);
        }

        private static ErrorGroup group(String status) {
            return new ErrorGroup(
                    ERROR,
                    "matching",
                    "request",
                    "java.lang.IllegalStateException",
                    "no index for {id}",
                    java.util.stream.IntStream.range(0, 12)
                            .mapToObj(i -> "io.openhire.matching.Index.find:" + i)
                            .toList(),
                    "GET /api/v1/matches",
                    NOW.minusSeconds(86400),
                    NOW,
                    7,
                    2,
                    "4bf92f3577b34da6a3ce929d0e0e4736",
                    "req-42",
                    status,
                    null);
        }

        ErrorGroup resolve(UUID id) {
            check();
            asked.add("resolve " + id);
            return group("resolved");
        }

        List<DeadLetter> deadLetters(String topic, Integer limit) {
            check();
            return List.of(deadLetter());
        }

        private DeadLetter deadLetter() {
            return new DeadLetter(
                    "resume.events.dlt",
                    0,
                    12,
                    NOW,
                    "resume.events",
                    0,
                    5L,
                    "22222222-2222-4222-8222-222222222222",
                    "e-1",
                    "resume.parsed",
                    UUID.randomUUID(),
                    "matching-listeners",
                    "io.openhire.matching.IndexNotReady",
                    "index {id} not ready",
                    812,
                    replayed);
        }

        DeadLetter replay(String topic, int partition, long offset) {
            check();
            asked.add("replay " + topic + " " + partition + " " + offset);
            if (replayed != null) {
                throw HttpClientErrorException.create(
                        HttpStatus.CONFLICT,
                        "Conflict",
                        new HttpHeaders(),
                        "{\"status\":409,\"detail\":\"This record was replayed already.\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8);
            }
            replayed = new DeadLetter.Replay(NOW, "user:" + UUID.randomUUID(), 1, 99);
            return deadLetter();
        }
    }
}
