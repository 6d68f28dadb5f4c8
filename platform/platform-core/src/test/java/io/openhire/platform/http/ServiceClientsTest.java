package io.openhire.platform.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.RequestIdFilter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Calls between services: timeouts, retries for idempotent calls, circuit breaking, context forwarding. */
class ServiceClientsTest {

    interface Scores {
        @GetExchange("/scores/{id}")
        Map<String, Object> score(@org.springframework.web.bind.annotation.PathVariable String id);

        @PostExchange("/scores")
        Map<String, Object> create();
    }

    private WireMockServer server;
    private ServiceClients clients;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        // Generous enough for a cold JVM and WireMock on a busy 2-core machine: a first answer can take
        // seconds there, and a read timeout would count as a failed (and, for a GET, retried) call.
        clients = clients(Duration.ofSeconds(10));
    }

    private ServiceClients clients(Duration readTimeout) {
        HttpClientsProperties properties = new HttpClientsProperties(
                Map.of("scoring", new HttpClientsProperties.Service(server.baseUrl())),
                Duration.ofSeconds(5),
                readTimeout,
                3,
                Duration.ofMillis(10),
                10,
                50f,
                Duration.ofSeconds(30));
        return new ServiceClients(RestClient.builder(), properties);
    }

    @AfterEach
    void stop() {
        server.stop();
        MDC.clear();
    }

    @Test
    void retriesAnIdempotentCallThatFailedWithA5xx() {
        server.stubFor(get(urlEqualTo("/scores/1"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/scores/1"))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"score\":0.9}")));

        Map<String, Object> score = clients.create(Scores.class, "scoring").score("1");

        assertThat(score).containsEntry("score", 0.9);
        server.verify(2, getRequestedFor(urlEqualTo("/scores/1")));
    }

    @Test
    void doesNotRetryNonIdempotentCalls() {
        server.stubFor(post(urlEqualTo("/scores")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> clients.create(Scores.class, "scoring").create())
                .isNotNull();
        server.verify(1, postRequestedFor(urlEqualTo("/scores")));
    }

    @Test
    void clientErrorsAreNotRetriedAndReachTheCaller() {
        server.stubFor(get(urlEqualTo("/scores/404")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> clients.create(Scores.class, "scoring").score("404"))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
        server.verify(1, getRequestedFor(urlEqualTo("/scores/404")));
    }

    @Test
    void aSlowServiceTimesOutAsA503Problem() {
        server.stubFor(get(urlEqualTo("/scores/slow"))
                .willReturn(aResponse().withFixedDelay(2_000).withBody("{}")));
        ServiceClients impatient = clients(Duration.ofSeconds(1));

        assertThatThrownBy(() -> impatient.create(Scores.class, "scoring").score("slow"))
                .isInstanceOfSatisfying(DomainException.class, p -> {
                    assertThat(p.category()).isEqualTo(DomainException.Category.UNAVAILABLE);
                    assertThat(p.kind()).isEqualTo("dependency-unavailable");
                });
        server.verify(3, getRequestedFor(urlEqualTo("/scores/slow")));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheService() {
        server.stubFor(get(urlEqualTo("/scores/down")).willReturn(aResponse().withStatus(500)));
        Scores scores = clients.create(Scores.class, "scoring");
        for (int i = 0; i < 10; i++) {
            try {
                scores.score("down");
            } catch (RuntimeException expected) {
                // failing, as the test wants
            }
        }
        assertThat(clients.circuitState("scoring")).isEqualTo(CircuitBreaker.State.OPEN);
        int callsSoFar = server.getAllServeEvents().size();

        assertThatThrownBy(() -> scores.score("down")).isInstanceOf(DomainException.class);
        assertThat(server.getAllServeEvents()).hasSize(callsSoFar);
    }

    @Test
    void forwardsTheRequestId() {
        server.stubFor(get(urlEqualTo("/scores/2"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        MDC.put(RequestIdFilter.MDC_REQUEST_ID, "req-forwarded-1");

        clients.create(Scores.class, "scoring").score("2");

        server.verify(getRequestedFor(urlEqualTo("/scores/2"))
                .withHeader(RequestIdFilter.HEADER, equalTo("req-forwarded-1")));
    }
}
