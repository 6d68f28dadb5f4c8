package io.openhire.platform.monitoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.testapp.TestAppSupport;
import io.openhire.platform.testapp.TestApplication;
import io.openhire.platform.testapp.ThingService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a service's unexpected errors become: a report to the monitoring service (here a WireMock standing in for
 * it and for identity), sent with the token of the work that failed — the user's for a request answered 500, the
 * service's own for the event's organisation when a listener gives a record up — without the data in the path.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestAppSupport.NAME, "openhire.service-account.secret=test-secret"})
class ErrorReporterIT {

    static final WireMockServer MONITORING =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppSupport.register(registry);
        MONITORING.start();
        MONITORING.stubFor(
                post(urlEqualTo("/api/v1/errors/report")).willReturn(aResponse().withStatus(202)));
        MONITORING.stubFor(
                post(urlEqualTo("/api/v1/users/service-token"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"access_token\":\"service-token-for-the-org\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        registry.add("openhire.clients.services.monitoring.url", MONITORING::baseUrl);
        registry.add("openhire.clients.services.identity.url", MONITORING::baseUrl);
    }

    @AfterAll
    static void stop() {
        MONITORING.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ThingService things;

    @Test
    void aRequestAnsweredWith500IsReportedWithTheCallersTokenAndTheRouteNotThePath() {
        String token = TestAppSupport.TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");

        TestHttp.Response response = new TestHttp("http://localhost:" + port).get("/api/v1/boom", bearer(token));

        assertThat(response.status()).isEqualTo(500);
        String requestId = response.header("X-Request-Id");
        LoggedRequest report = awaitReport("request");
        assertThat(report.getHeader("Authorization")).isEqualTo("Bearer " + token);
        String body = report.getBodyAsString();
        assertThat(body)
                .contains("\"service\":\"platform-test-app\"")
                .contains("\"type\":\"java.lang.IllegalStateException\"")
                .contains("\"operation\":\"GET /api/v1/boom\"")
                .contains("\"requestId\":\"" + requestId + "\"")
                .contains("ThingController.boom");
        // what the exception quoted is not sent
        assertThat(body).doesNotContain("\\\"secret_table\\\"");
    }

    @Test
    void aRecordGivenUpOnIsReportedWithTheServicesTokenForTheEventsOrganisation() {
        things.create(UUID.randomUUID(), "poison", false);

        LoggedRequest report = awaitReport("listener");

        assertThat(report.getHeader("Authorization")).isEqualTo("Bearer service-token-for-the-org");
        assertThat(report.getBodyAsString())
                .contains("\"operation\":\"" + ThingService.TOPIC + "\"")
                .contains("\"type\":\"java.lang.IllegalStateException\"");
        MONITORING.verify(postRequestedFor(urlEqualTo("/api/v1/users/service-token"))
                .withRequestBody(matchingJsonPath("$.client_id", equalTo("platform-test-app"))));
    }

    private static LoggedRequest awaitReport(String source) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            List<LoggedRequest> reports =
                                    MONITORING.findAll(postRequestedFor(urlEqualTo("/api/v1/errors/report"))
                                            .withRequestBody(matchingJsonPath("$.source", equalTo(source))));
                            return reports.isEmpty() ? null : reports.getLast();
                        },
                        r -> r != null);
    }
}
