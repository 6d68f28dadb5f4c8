package io.openhire.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openhire.identity.IdentityConfiguration;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The System page against a stand-in monitoring service, signed in through a real identity: an admin sees the
 * platform's status (a service down highlighted, versions, lag) but neither the error groups nor the dead letters,
 * and is refused their routes before monitoring is asked; identity's bootstrap platform operator sees both and
 * resolves and replays through monitoring; browsers' script errors are relayed, malformed ones refused; and with
 * monitoring away the page still renders, saying so (last: the failures count against monitoring's circuit breaker).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemPageIT {

    static final String PASSWORD = "a long and private passphrase";
    static final String OPERATOR = "olive@operators.test";
    static final String ADMIN = "ada@system.test";
    static final String ERROR = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String REPLAY = "/system/dead-letters/resume.events.dlt/0/12/replay";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    static TestTokens tokens;
    static TestServices.Running identity;
    static TestServices.Running dashboard;
    static WireMockServer monitoring;

    @BeforeAll
    static void start() {
        tokens = new TestTokens();
        monitoring = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        monitoring.start();
        identity = TestServices.start(
                "identity",
                IdentityConfiguration.class,
                tokens,
                Map.of(
                        "openhire.identity.keys.master-key",
                        Base64.getEncoder().encodeToString(new byte[32]),
                        "openhire.identity.bootstrap-operator.email",
                        OPERATOR,
                        "openhire.identity.bootstrap-operator.password",
                        PASSWORD,
                        "openhire.identity.bootstrap-operator.name",
                        "Olive Operator",
                        "openhire.identity.bootstrap-operator.organization",
                        "Platform Ops"));
        dashboard = TestServices.start(
                "dashboard",
                DashboardConfiguration.class,
                tokens,
                Map.of(
                        "openhire.clients.services.identity.url",
                        identity.url(),
                        "openhire.security.jwk-set-uri",
                        identity.url() + "/.well-known/jwks.json",
                        "openhire.clients.services.monitoring.url",
                        monitoring.baseUrl()));
        TestHttp.Response registered = new TestHttp(identity.url())
                .post(
                        "/api/v1/users/register",
                        map("organization", "System Ltd", "name", "Ada Admin", "email", ADMIN, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (identity != null) {
            identity.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        if (monitoring != null) {
            monitoring.stop();
        }
    }

    @BeforeEach
    void stubMonitoring() {
        monitoring.resetAll();
        // as monitoring writes them (src/test/resources/services/monitoring-*.json)
        monitoring.stubFor(
                get(urlEqualTo("/api/v1/monitoring/status")).willReturn(okJson(PagesIT.answer("monitoring-status"))));
        monitoring.stubFor(
                get(urlPathEqualTo("/api/v1/errors")).willReturn(okJson(PagesIT.answer("monitoring-errors"))));
        monitoring.stubFor(post(urlPathEqualTo("/api/v1/errors/" + ERROR + "/resolve"))
                .willReturn(okJson(PagesIT.answer("monitoring-error-resolved"))));
        monitoring.stubFor(get(urlPathEqualTo("/api/v1/monitoring/dead-letters"))
                .willReturn(okJson(PagesIT.answer("monitoring-dead-letters"))));
        monitoring.stubFor(post(urlPathEqualTo("/api/v1/monitoring/dead-letters/resume.events.dlt/0/12/replay"))
                .willReturn(okJson(PagesIT.answer("monitoring-replayed"))));
        monitoring.stubFor(post(urlPathEqualTo("/api/v1/errors/report"))
                .willReturn(aResponse().withStatus(202)));
        monitoring.stubFor(
                get(urlPathEqualTo("/api/v1/traces")).willReturn(okJson(PagesIT.answer("monitoring-traces"))));
        monitoring.stubFor(
                get(urlPathEqualTo("/api/v1/traces/" + TRACE)).willReturn(okJson(PagesIT.answer("monitoring-trace"))));
        monitoring.stubFor(get(urlPathEqualTo("/api/v1/traces/" + TRACE + "/logs"))
                .willReturn(okJson(PagesIT.answer("monitoring-trace-logs"))));
    }

    @Test
    @Order(1)
    void anAdminSeesTheStatusButNeitherErrorsNorDeadLetters() throws Exception {
        Browser admin = Browser.signedIn(ADMIN);
        HttpResponse<String> page = admin.get("/system");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("1 of 2 services need attention.", "Kafka is reachable.")
                .contains("<tr class=\"degraded\">", "<span class=\"badge down\">Down</span>", "down: db")
                .contains(">0.1.0-abc1234<", ">0.1.0-def5678<", ">2004 ms<", ">41<", ">95 s<")
                .contains("hx-get=\"/system/health\"", "hx-trigger=\"every 10s\"")
                .contains("resume.events: 1200", "job.events: 34", "resume.events.dlt")
                .doesNotContain("/system/errors", "/system/dead-letters", "/system/traces", "http://localhost");
        assertThat(page.body().indexOf(">matching<")).isLessThan(page.body().indexOf(">audit<"));
        monitoring.verify(getRequestedFor(urlEqualTo("/api/v1/monitoring/status"))
                .withHeader("Authorization", matching("Bearer .+")));

        String csrf = admin.csrf();
        assertThat(admin.get("/system/errors", "HX-Request", "true").statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/system/dead-letters", "HX-Request", "true").statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/system/errors/" + ERROR + "/resolve", "X-CSRF-TOKEN", csrf, "HX-Request", "true")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.post(REPLAY, "X-CSRF-TOKEN", csrf, "HX-Request", "true")
                        .statusCode())
                .isEqualTo(403);
        // traces follow any organisation's requests: the slow requests and a trace's page are refused too
        assertThat(admin.get("/system/traces", "HX-Request", "true").statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/system/traces?service=matching&minMs=1000", "HX-Request", "true")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> trace = admin.get("/system/traces/" + TRACE);
        assertThat(trace.statusCode()).isEqualTo(403);
        assertThat(trace.body()).contains("Your role does not allow this.");
        monitoring.verify(0, getRequestedFor(urlPathMatching("/api/v1/traces.*")));
        monitoring.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/errors")));
        monitoring.verify(0, postRequestedFor(urlPathMatching("/api/v1/errors/.+/resolve")));
        monitoring.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/monitoring/dead-letters")));
        monitoring.verify(0, postRequestedFor(urlPathMatching("/api/v1/monitoring/dead-letters/.+/replay")));
    }

    @Test
    @Order(2)
    void anOperatorSeesErrorsAndDeadLettersAndResolvesAndReplaysThroughMonitoring() throws Exception {
        Browser operator = Browser.signedIn(OPERATOR);
        HttpResponse<String> page = operator.get("/system");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("1 of 2 services need attention.")
                .contains("hx-get=\"/system/errors\"", "hx-get=\"/system/dead-letters\"");

        HttpResponse<String> errors = operator.get("/system/errors", "HX-Request", "true");
        assertThat(errors.statusCode()).as(errors.body()).isEqualTo(200);
        assertThat(errors.body())
                .startsWith("<section class=\"card\" id=\"errors\"")
                .contains("TypeError", "x is undefined", "/candidates/{id}", "req-7", ">Open<")
                .contains(
                        "<td data-label=\"Times\" class=\"num\">5</td>",
                        "hx-post=\"/system/errors/" + ERROR + "/resolve\"");
        monitoring.verify(getRequestedFor(urlPathEqualTo("/api/v1/errors")).withQueryParam("status", equalTo("open")));

        String csrf = operator.csrf();
        HttpResponse<String> resolved =
                operator.post("/system/errors/" + ERROR + "/resolve", "X-CSRF-TOKEN", csrf, "HX-Request", "true");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.body()).contains("Resolved TypeError in browser. A new report of it reopens it.");
        monitoring.verify(postRequestedFor(urlPathEqualTo("/api/v1/errors/" + ERROR + "/resolve"))
                .withHeader("Authorization", matching("Bearer .+")));

        HttpResponse<String> deadLetters = operator.get("/system/dead-letters", "HX-Request", "true");
        assertThat(deadLetters.body())
                .contains("resume.events.dlt", "resume.parsed", "index not ready", "matching")
                .contains("hx-post=\"" + REPLAY + "\"");
        HttpResponse<String> replayed = operator.post(REPLAY, "X-CSRF-TOKEN", csrf, "HX-Request", "true");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.body())
                .contains("Replayed: the record went back to resume.events (partition 1, offset 99).");
        monitoring.verify(
                postRequestedFor(urlPathEqualTo("/api/v1/monitoring/dead-letters/resume.events.dlt/0/12/replay")));

        // pressed again: monitoring's 409 is a sentence, not an error page
        monitoring.stubFor(post(urlPathEqualTo("/api/v1/monitoring/dead-letters/resume.events.dlt/0/12/replay"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Conflict\", \"status\": 409, \"detail\": \"replayed already\"}")));
        HttpResponse<String> again = operator.post(REPLAY, "X-CSRF-TOKEN", csrf, "HX-Request", "true");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This record was replayed already");
    }

    @Test
    @Order(3)
    void anOperatorFollowsASlowRequestAndAnErrorToTheTracesWaterfallAndLogLines() throws Exception {
        Browser operator = Browser.signedIn(OPERATOR);
        HttpResponse<String> page = operator.get("/system");
        assertThat(page.body())
                .contains("<h2>Slow requests</h2>", "hx-get=\"/system/traces\"", "hx-trigger=\"load, change, submit\"")
                .contains(
                        "<option value=\"matching\">matching</option>",
                        "<option value=\"500\" selected>500 ms</option>");

        // as the form first asks: every service, at least 500 ms, 25 traces
        HttpResponse<String> slow = operator.get("/system/traces?service=&minMs=500", "HX-Request", "true");
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(200);
        assertThat(slow.body())
                .startsWith("<div id=\"slow-request-list\">")
                .contains("2 traces of at least 500 ms, the newest first.", "5 Dec 2026, 10:15:07 UTC")
                .contains("href=\"/system/traces/" + TRACE + "\"", "GET /api/v1/jobs/{id}/matches", ">1,250 ms<")
                .contains("resume.events process", "<span class=\"badge failed\">Failed</span>");
        monitoring.verify(getRequestedFor(urlPathEqualTo("/api/v1/traces"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withQueryParam("minDurationMs", equalTo("500"))
                .withQueryParam("limit", equalTo("25"))
                .withQueryParam("service", absent())
                .withQueryParam("operation", absent()));
        // one service, at least a second
        assertThat(operator.get("/system/traces?service=matching&minMs=1000", "HX-Request", "true")
                        .body())
                .contains("2 traces of at least 1,000 ms that went through matching, the newest first.");
        monitoring.verify(getRequestedFor(urlPathEqualTo("/api/v1/traces"))
                .withQueryParam("service", equalTo("matching"))
                .withQueryParam("minDurationMs", equalTo("1000"))
                .withQueryParam("limit", equalTo("25")));
        // an error group leads to the trace of its latest occurrence
        assertThat(operator.get("/system/errors", "HX-Request", "true").body())
                .contains("href=\"/system/traces/" + TRACE + "\"", ">trace</a>");

        HttpResponse<String> trace = operator.get("/system/traces/" + TRACE);
        assertThat(trace.statusCode()).as(trace.body()).isEqualTo(200);
        assertThat(trace.body())
                .contains("Trace of <code>GET /api/v1/jobs/{id}/matches</code>", "Took <strong>100 ms</strong>")
                .contains("5 spans in gateway, matching, model-serving", "2 failed")
                // the gateway all of it; matching from 25 ms for 50 ms; its failed call to model-serving; a send
                // too short for a pixel, still drawn (its 2 px start mark)
                .contains("class=\"span depth-0\"", "x=\"0%\" width=\"100%\"")
                .contains("class=\"span depth-1\"", "x=\"25%\" width=\"50%\"", "From 25 ms for 50 ms")
                .contains("<tr class=\"failed\">", "class=\"span depth-3\"", "model {name} is not loaded")
                .contains("x=\"74%\" width=\"0.04%\"", "height=\"12\" width=\"2\" x=\"74%\"", "&lt; 0.1 ms")
                .contains("<dt>http.route</dt><dd>/api/v1/jobs/{id}/matches</dd>")
                .contains("10:15:07.169", "<span class=\"badge level-error\">ERROR</span>", "Embeddings unavailable")
                .contains("title=\"io.openhire.matching.SemanticScores\">SemanticScores<")
                .doesNotContain("log store", "http://localhost", "style=\"");
        assertThat(trace.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("style-src 'self';"));
        monitoring.verify(getRequestedFor(urlPathEqualTo("/api/v1/traces/" + TRACE + "/logs"))
                .withHeader("Authorization", matching("Bearer .+")));

        // where the logs go to a log store, monitoring has none to give: the page says where to look
        monitoring.stubFor(get(urlPathEqualTo("/api/v1/traces/" + TRACE + "/logs"))
                .willReturn(PagesIT.problem(404, "Not found", "A log file for this installation was not found")));
        HttpResponse<String> elsewhere = operator.get("/system/traces/" + TRACE);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body())
                .contains("This installation&#39;s logs are in its log store: search for traceId=" + TRACE)
                .contains("x=\"25%\" width=\"50%\"");

        // a trace that is no longer kept, and ids that cannot be one (monitoring is not asked for those)
        String gone = "0123456789abcdef0123456789abcdef";
        monitoring.stubFor(get(urlPathEqualTo("/api/v1/traces/" + gone))
                .willReturn(PagesIT.problem(404, "Not found", "Trace " + gone + " was not found")));
        HttpResponse<String> notThere = operator.get("/system/traces/" + gone);
        assertThat(notThere.statusCode()).isEqualTo(404);
        assertThat(notThere.body()).contains("There is no such trace (traces are kept for a day).");
        monitoring.resetRequests();
        for (String malformed : new String[] {TRACE.toUpperCase(), TRACE.substring(2), "not-a-trace", TRACE + "00"}) {
            HttpResponse<String> refused = operator.get("/system/traces/" + malformed);
            assertThat(refused.statusCode()).as(malformed).isEqualTo(400);
            assertThat(refused.body()).contains("That link is not valid: a part of it is missing or malformed.");
        }
        assertThat(operator.get("/system/traces?service=Not%20a%20service", "HX-Request", "true")
                        .statusCode())
                .isEqualTo(400);
        assertThat(operator.get("/system/traces?minMs=soon", "HX-Request", "true")
                        .statusCode())
                .isEqualTo(400);
        monitoring.verify(0, getRequestedFor(urlPathMatching("/api/v1/traces.*")));
    }

    @Test
    @Order(4)
    void aBrowsersScriptErrorIsRelayedAndAMalformedOneRefused() throws Exception {
        Browser admin = Browser.signedIn(ADMIN);
        String csrf = admin.csrf();
        HttpResponse<String> relayed = admin.json("/client-errors", """
                {"type": "TypeError", "message": "Cannot read properties of undefined (reading 'id')",
                 "frames": ["render (/assets/dashboard.js:10:5)", "refresh (/assets/dashboard.js:80:3)"],
                 "route": "/candidates/22222222-2222-4222-8222-222222222222"}""", "X-CSRF-TOKEN", csrf);
        assertThat(relayed.statusCode()).isEqualTo(202);
        monitoring.verify(postRequestedFor(urlPathEqualTo("/api/v1/errors/report"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("browser")))
                .withRequestBody(matchingJsonPath("$.source", equalTo("browser")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("TypeError")))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("/candidates/{id}")))
                .withRequestBody(matchingJsonPath("$.frames[1]", equalTo("refresh (/assets/dashboard.js:80:3)")))
                .withRequestBody(matchingJsonPath("$.requestId", absent())));

        String thirteenFrames = "[" + "\"f (/a.js:1:1)\",".repeat(12) + "\"f (/a.js:1:1)\"]";
        for (String malformed : new String[] {
            "{\"message\": \"no type\", \"route\": \"/jobs\"}",
            "{\"type\": \"TypeError\", \"route\": \"/candidates?q=ada\"}",
            "{\"type\": \"TypeError\", \"route\": \"/jobs\", \"frames\": " + thirteenFrames + "}",
            "{\"type\": \"TypeError\", \"route\": \"/jobs\", \"message\": \"" + "x".repeat(1001) + "\"}",
            "not json"
        }) {
            assertThat(admin.json("/client-errors", malformed, "X-CSRF-TOKEN", csrf)
                            .statusCode())
                    .as(malformed)
                    .isEqualTo(400);
        }
        // without the page's CSRF token, or without signing in, nothing is taken
        assertThat(admin.json("/client-errors", "{\"type\": \"E\", \"route\": \"/\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Browser()
                        .json("/client-errors", "{\"type\": \"E\", \"route\": \"/\"}")
                        .statusCode())
                .isIn(401, 403);
        monitoring.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/errors/report")));
    }

    /**
     * In Chromium: the operator's page loads its parts, and dashboard.js reports a thrown error and an unhandled
     * rejection from the page (same origin, its CSRF token), five per page at most.
     */
    @Test
    @Order(5)
    void inARealBrowserThePageLoadsItsPartsAndScriptErrorsAreReportedFiveAtMost() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(PagesIT.CHROMIUM) && Files.isExecutable(PagesIT.CHROMEDRIVER),
                "no browser: install Debian's chromium and chromium-driver to see the page in a real browser");
        Files.createDirectories(PagesIT.SCREENSHOTS);
        WebDriver browser = PagesIT.chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            browser.get(dashboard.url() + "/login");
            browser.findElement(By.id("email")).sendKeys(OPERATOR);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            // (the overview asks services not standing in here: straight on to the System page)
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            browser.get(dashboard.url() + "/system");
            wait.until(d -> !d.findElements(By.id("error-groups")).isEmpty()
                    && !d.findElements(By.id("dead-letter-list")).isEmpty());
            assertThat(browser.findElement(By.id("services")).getText()).contains("matching", "Down", "down: db");
            PagesIT.screenshot(browser, "system-operator");

            // Errors thrown by the page's own scripts (code run through the driver is another origin's, whose
            // errors the browser hides): a listener of dashboard.js given an event without its details, and an htmx
            // request for a part that is not on the page, which rejects its promise with nobody waiting on it.
            JavascriptExecutor page = (JavascriptExecutor) browser;
            page.executeScript("document.dispatchEvent(new CustomEvent('htmx:responseError', {detail: {}}));"
                    + "htmx.ajax('GET', '/system/health', {target: '#no-such-part'});");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> monitoring.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/errors/report"))));
            monitoring.verify(postRequestedFor(urlPathEqualTo("/api/v1/errors/report"))
                    .withHeader("Authorization", matching("Bearer .+"))
                    .withRequestBody(matchingJsonPath("$.service", equalTo("browser")))
                    .withRequestBody(matchingJsonPath("$.source", equalTo("browser")))
                    .withRequestBody(matchingJsonPath("$.type", equalTo("TypeError")))
                    .withRequestBody(matchingJsonPath("$.message", containing("Cannot read properties of undefined")))
                    .withRequestBody(matchingJsonPath("$.frames[0]", containing("(/assets/dashboard.js:")))
                    .withRequestBody(matchingJsonPath("$.operation", equalTo("/system"))));
            monitoring.verify(postRequestedFor(urlPathEqualTo("/api/v1/errors/report"))
                    .withRequestBody(matchingJsonPath("$.type", equalTo("UnhandledRejection")))
                    .withRequestBody(matchingJsonPath("$.operation", equalTo("/system"))));
            monitoring.verify(
                    0,
                    postRequestedFor(urlPathEqualTo("/api/v1/errors/report")).withRequestBody(containing("http://")));

            // a page that keeps failing sends five reports, no more
            page.executeScript("for (var i = 0; i < 6; i++) {"
                    + " document.dispatchEvent(new CustomEvent('htmx:responseError', {detail: {}})); }");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> monitoring.verify(5, postRequestedFor(urlPathEqualTo("/api/v1/errors/report"))));
            Thread.sleep(1000);
            monitoring.verify(5, postRequestedFor(urlPathEqualTo("/api/v1/errors/report")));
        } catch (RuntimeException | AssertionError e) {
            PagesIT.screenshot(browser, "system-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /**
     * In Chromium, under the dashboard's content security policy (no inline styles): the operator follows a slow
     * request to its trace, whose bars are drawn at their spans' shares of it — matching's from a quarter for half
     * the width, the send too short for a pixel still 2 px wide — at a desktop's width and a phone's. The
     * screenshots go to target/screenshots/dashboard-trace-*.png.
     */
    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void inARealBrowserTheWaterfallDrawsEachSpanAtItsShareOfTheTrace() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(PagesIT.CHROMIUM) && Files.isExecutable(PagesIT.CHROMEDRIVER),
                "no browser: install Debian's chromium and chromium-driver to see the page in a real browser");
        Files.createDirectories(PagesIT.SCREENSHOTS);
        WebDriver browser = PagesIT.chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            browser.get(dashboard.url() + "/login");
            browser.findElement(By.id("email")).sendKeys(OPERATOR);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            browser.get(dashboard.url() + "/system");
            wait.until(d -> !d.findElements(By.id("slow-request-table")).isEmpty());
            JavascriptExecutor page = (JavascriptExecutor) browser;
            page.executeScript("document.getElementById('slow-requests').scrollIntoView()");
            PagesIT.screenshot(browser, "trace-slow-requests");

            // choosing another minimum asks again, with it
            new Select(browser.findElement(By.id("trace-min"))).selectByValue("1000");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> monitoring.verify(getRequestedFor(urlPathEqualTo("/api/v1/traces"))
                            .withQueryParam("minDurationMs", equalTo("1000"))));
            wait.until(d -> d.findElement(By.id("slow-request-list")).getText().contains("at least 1,000 ms"));

            browser.findElement(By.cssSelector("#slow-request-table a")).click();
            wait.until(d -> !d.findElements(By.id("spans")).isEmpty());
            for (int width : new int[] {1280, 500}) {
                browser.manage().window().setSize(new Dimension(width, 1100));
                List<Map<String, Number>> bars = (List<Map<String, Number>>) page.executeScript("""
                        return Array.from(document.querySelectorAll('#spans svg.span-bar')).map(svg => {
                          const all = svg.getBoundingClientRect();
                          const took = svg.querySelector('rect.took').getBoundingClientRect();
                          const mark = svg.querySelector('rect.starts').getBoundingClientRect();
                          return {all: all.width, left: took.left - all.left, took: took.width, mark: mark.width};
                        });""");
                assertThat(bars).hasSize(5);
                Map<String, Number> matching = bars.get(1);
                double all = matching.get("all").doubleValue();
                assertThat(all).as("at %d px", width).isGreaterThan(200);
                assertThat(matching.get("left").doubleValue() / all).isCloseTo(0.25, within(0.01));
                assertThat(matching.get("took").doubleValue() / all).isCloseTo(0.5, within(0.01));
                assertThat(bars.get(0).get("took").doubleValue() / all).isCloseTo(1.0, within(0.01));
                assertThat(bars.get(4).get("mark").doubleValue()).isEqualTo(2.0);
                PagesIT.screenshot(browser, "trace-" + width);
            }
        } catch (RuntimeException | AssertionError e) {
            PagesIT.screenshot(browser, "trace-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(7)
    void withMonitoringAwayThePageStillRendersAndSaysSo() throws Exception {
        monitoring.resetAll();
        monitoring.stubFor(get(urlEqualTo("/api/v1/monitoring/status"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        monitoring.stubFor(get(urlPathEqualTo("/api/v1/errors"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        monitoring.stubFor(post(urlPathEqualTo("/api/v1/errors/report"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Browser operator = Browser.signedIn(OPERATOR);
        HttpResponse<String> page = operator.get("/system");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("The monitoring service cannot be reached", "hx-trigger=\"every 10s\"")
                .doesNotContain("Exception");
        HttpResponse<String> errors = operator.get("/system/errors", "HX-Request", "true");
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.body()).contains("The monitoring service cannot be reached");

        // a browser's report is best effort: accepted all the same
        assertThat(operator.json(
                                "/client-errors",
                                "{\"type\": \"TypeError\", \"route\": \"/system\"}",
                                "X-CSRF-TOKEN",
                                operator.csrf())
                        .statusCode())
                .isEqualTo(202);
    }

    /** A browser: keeps cookies, does not follow redirects. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        static Browser signedIn(String email) throws Exception {
            Browser browser = new Browser();
            String form = "_csrf=" + URLEncoder.encode(browser.csrf(), StandardCharsets.UTF_8) + "&email="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = browser.send("/login", "application/x-www-form-urlencoded", form);
            assertThat(signedIn.headers().firstValue("Location")).as(email).hasValue("/");
            return browser;
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dashboard.url() + path));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String... headers) throws Exception {
            return send(path, "application/x-www-form-urlencoded", "", headers);
        }

        HttpResponse<String> json(String path, String body, String... headers) throws Exception {
            return send(path, "application/json", body, headers);
        }

        HttpResponse<String> send(String path, String type, String body, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dashboard.url() + path))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The session's CSRF token, as the sign-in form (and every page's head, for htmx) carries it. */
        String csrf() throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            return token.group(1);
        }
    }
}
