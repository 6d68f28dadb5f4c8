package io.openhire.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's retention rule as its admin sets and runs it: the candidates applications says are inactive
 * get an erasure request each (answered by the services like any other), a second run files none twice, and a run
 * that could not ask applications says so. applications and identity answer as their APIs do (WireMock).
 */
@SpringBootTest(
        classes = RetentionIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=privacy", "openhire.privacy.participants=applications"})
@DirtiesContext
class RetentionIT {

    static final TestTokens TOKENS = new TestTokens();
    static final WireMockServer SERVICES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SERVICES.start();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PrivacyConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "privacy");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.privacy.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("openhire.clients.services.identity.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.applications.url", SERVICES::baseUrl);
        registry.add("openhire.service-account.secret", () -> "privacy-secret");
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
        SERVICES.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final UUID org = UUID.randomUUID();
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    void aRunFilesAnErasureForEachInactiveCandidateOnceAndReportsIt() {
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/users/service-token"))
                .willReturn(okJson("""
                {"access_token":"%s","token_type":"Bearer","expires_in":600}""".formatted(TOKENS.serviceToken("privacy", org)))));
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/candidates/inactive"))
                .willReturn(okJson("""
                [{"candidateId":"%s","name":"Olga Oldfield","email":"Olga@Old.test","phone":null,"lastActivityAt":"2022-01-10T10:00:00Z"},
                 {"candidateId":"%s","name":"Pete Phoneonly","email":null,"phone":"+44 20 7946 0777","lastActivityAt":"2021-05-01T10:00:00Z"}]
                """.formatted(UUID.randomUUID(), UUID.randomUUID()))));

        JsonNode rule = http().get("/api/v1/privacy/retention", bearer(admin)).json();
        assertThat(rule.path("enabled").asBoolean()).isFalse();
        assertThat(rule.path("inactiveMonths").asInt()).isEqualTo(24);
        TestHttp.Response set =
                http().put("/api/v1/privacy/retention", Map.of("inactiveMonths", 18, "enabled", true), bearer(admin));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("enabled").asBoolean()).isTrue();

        TestHttp.Response run = http().post("/api/v1/privacy/retention/run", Map.of(), bearer(admin));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("candidates").asInt()).isEqualTo(2);
        assertThat(run.json().path("requestsFiled").asInt()).isEqualTo(2);
        assertThat(run.json().path("problem").isNull()).isTrue();
        JsonNode requests =
                http().get("/api/v1/privacy/requests", bearer(admin)).json();
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.path("type").asString()).isEqualTo("ERASURE");
            assertThat(r.path("source").asString()).isEqualTo("RETENTION");
        });
        assertThat(requests)
                .extracting(r -> r.path("subject").asString())
                .containsExactlyInAnyOrder("o***@old.test", "phone …0777");

        // Still open: the next run files nothing twice.
        JsonNode again = http().post("/api/v1/privacy/retention/run", Map.of(), bearer(admin))
                .json();
        assertThat(again.path("requestsFiled").asInt()).isZero();
        assertThat(again.path("alreadyOpen").asInt()).isEqualTo(2);

        // applications away: the run says so, files nothing, and nothing fails.
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/candidates/inactive")).willReturn(serverError()));
        JsonNode failed = http().post("/api/v1/privacy/retention/run", Map.of(), bearer(admin))
                .json();
        assertThat(failed.path("problem").asString()).contains("applications could not be asked");
        List<String> triggers = http().get("/api/v1/privacy/retention/runs", bearer(admin))
                .json()
                .valueStream()
                .map(r -> r.path("trigger").asString())
                .toList();
        assertThat(triggers).containsExactly("ADMIN", "ADMIN", "ADMIN");
    }

    @Test
    void onlyAdminsSetTheRuleAndWithinItsBounds() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("inactiveMonths", 5, "enabled", true),
                Map.of("inactiveMonths", 121, "enabled", true),
                Map.of("enabled", true),
                Map.of("inactiveMonths", 24))) {
            assertThat(http().put("/api/v1/privacy/retention", bad, bearer(admin))
                            .status())
                    .isEqualTo(400);
        }
        assertThat(http().put(
                                "/api/v1/privacy/retention",
                                Map.of("inactiveMonths", 24, "enabled", true),
                                bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/privacy/retention/run", Map.of(), bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_retention_rule WHERE organization_id = :org")
                        .param("org", org)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
