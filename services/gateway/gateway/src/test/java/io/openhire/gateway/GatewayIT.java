package io.openhire.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of a stand-in identity service (WireMock), seen from a client. */
@SpringBootTest(
        classes = GatewayIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=gateway",
            "openhire.gateway.rate-limit.per-ip-per-minute=100000",
            "openhire.gateway.rate-limit.per-user-per-minute=3",
            "openhire.gateway.rate-limit.auth-per-ip-per-minute=5",
            "openhire.gateway.routes.dead.service=dead",
            "openhire.gateway.routes.dead.paths=/api/v1/dead/**",
            "openhire.clients.services.dead.url=http://127.0.0.1:1",
            "openhire.gateway.routes.uploads.service=identity",
            "openhire.gateway.routes.uploads.paths=/api/v1/uploads/**",
            "openhire.gateway.routes.uploads.max-body-size=3MB",
            "openhire.gateway.cors.allowed-origins=https://app.example.com"
        })
class GatewayIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(GatewayConfiguration.class)
    static class App {}

    static final TestTokens TOKENS = new TestTokens();
    static final WireMockServer IDENTITY =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        IDENTITY.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openhire.security.issuer", () -> TestTokens.ISSUER);
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.identity.url", IDENTITY::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void stubs() {
        IDENTITY.resetAll();
        IDENTITY.stubFor(get(urlEqualTo("/api/v1/users/profile"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"Dana\"}")));
        IDENTITY.stubFor(post(urlEqualTo("/api/v1/users/login"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"t\"}")));
        IDENTITY.stubFor(post(urlPathMatching("/api/v1/uploads/.*"))
                .willReturn(aResponse().withStatus(202)));
        IDENTITY.stubFor(get(urlEqualTo("/v3/api-docs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"openapi\":\"3.1.0\"}")));
    }

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    String[] freshUser() {
        return bearer(TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER"));
    }

    @Test
    void authenticatedRequestsReachTheOwningServiceWithTheirTokenAndRequestId() {
        String[] auth = freshUser();
        TestHttp.Response response =
                http().get("/api/v1/users/profile", auth[0], auth[1], "X-Request-Id", "trace-me-123");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("name").asString()).isEqualTo("Dana");
        assertThat(response.raw().headers().allValues("X-Request-Id")).containsExactly("trace-me-123");
        IDENTITY.verify(getRequestedFor(urlEqualTo("/api/v1/users/profile"))
                .withHeader("Authorization", equalTo(auth[1]))
                .withHeader("X-Request-Id", equalTo("trace-me-123")));
    }

    @Test
    void requestsWithoutAValidTokenStopAtTheEdge() {
        TestHttp.Response none = http().get("/api/v1/users/profile");
        TestHttp.Response forged = http().get(
                        "/api/v1/users/profile",
                        bearer(TOKENS.tokenFromStrangeKey(UUID.randomUUID(), UUID.randomUUID())));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(forged.status()).isEqualTo(401);
        IDENTITY.verify(0, anyRequestedFor(urlEqualTo("/api/v1/users/profile")));
    }

    @Test
    void credentialEndpointsArePublicButBudgetedPerClientAddress() {
        int accepted = 0;
        TestHttp.Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            TestHttp.Response response = http().post("/api/v1/users/login", map("email", "a@b.test", "password", "x"));
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                accepted++;
            }
        }

        assertThat(accepted).isBetween(1, 5);
        assertThat(refused).isNotNull();
        assertThat(refused.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        // The budget holds however the path is spelled (routing decodes it), and for the dashboard's form.
        assertThat(http().post("/api/v1/users/%6cogin", map("email", "a@b.test", "password", "x"))
                        .status())
                .isEqualTo(429);
        // (path parameters are refused outright by the security firewall)
        assertThat(http().post("/api/v1/users/login;x=1", map("email", "a@b.test", "password", "x"))
                        .status())
                .isIn(400, 429);
        TestHttp.Response page = http().postRaw(
                        "/login",
                        "application/x-www-form-urlencoded",
                        "username=a%40b.test&password=x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Accept",
                        "text/html,application/xhtml+xml");
        assertThat(page.status()).isEqualTo(429);
        // a person at the sign-in form reads a page, not JSON
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Too many sign-in attempts", "href=\"/login\"");
        IDENTITY.verify(accepted, postRequestedFor(urlEqualTo("/api/v1/users/login")));
        IDENTITY.verify(0, postRequestedFor(urlEqualTo("/api/v1/users/%6cogin")));
    }

    @Test
    void careerSiteApplicationsArePublicButBudgetedPerClientAddress() {
        String apply = "/api/v1/careers/" + UUID.randomUUID() + "/jobs/" + UUID.randomUUID() + "/applications";
        byte[] empty = "--x--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int passed = 0;
        TestHttp.Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            TestHttp.Response response = http().postRaw(apply, "multipart/form-data; boundary=x", empty);
            if (response.status() == 429) {
                refused = response;
            } else {
                // no token needed (applications is not running here: the gateway says it is unreachable)
                assertThat(response.status()).isNotIn(401, 403);
                passed++;
            }
        }
        assertThat(passed).isBetween(1, 5);
        assertThat(refused).isNotNull();
        assertThat(refused.json().get("type").asString()).endsWith("/rate-limited");
        // The dashboard's apply form shares the budget, and a person reads a page.
        TestHttp.Response page = http().postRaw(
                        "/careers/" + UUID.randomUUID() + "/jobs/" + UUID.randomUUID() + "/apply",
                        "multipart/form-data; boundary=x",
                        empty,
                        "Accept",
                        "text/html");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("Too many applications");
    }

    @Test
    void eachUserHasARequestBudget() {
        String[] auth = freshUser();
        for (int i = 0; i < 3; i++) {
            assertThat(http().get("/api/v1/users/profile", auth).status()).isEqualTo(200);
        }

        TestHttp.Response refused = http().get("/api/v1/users/profile", auth);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(http().get("/api/v1/users/profile", freshUser()).status()).isEqualTo(200);
    }

    @Test
    void oversizeBodiesAreRefusedBeforeReachingAService() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        String[] auth = freshUser();

        TestHttp.Response json = http().postRaw("/api/v1/users/profile", "application/json", twoMegabytes, auth);
        TestHttp.Response upload =
                http().postRaw("/api/v1/uploads/file", "application/octet-stream", twoMegabytes, auth);

        assertThat(json.status()).isEqualTo(413);
        assertThat(json.json().get("type").asString()).endsWith("/payload-too-large");
        assertThat(upload.status()).as("a route may allow larger bodies").isEqualTo(202);
        IDENTITY.verify(0, postRequestedFor(urlEqualTo("/api/v1/users/profile")));
    }

    @Test
    void anUnreachableServiceIsA503Problem() {
        TestHttp.Response response = http().get("/api/v1/dead/anything", freshUser());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("type").asString()).endsWith("/service-unavailable");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void browsersFromAllowedOriginsMayCallTheApi() {
        TestHttp.Response allowed = http().options("/api/v1/users/profile", "https://app.example.com");
        TestHttp.Response other = http().options("/api/v1/users/profile", "https://evil.example.net");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void oneApiExplorerListsEveryService() {
        assertThat(http().get("/openapi/identity").json().get("openapi").asString())
                .isEqualTo("3.1.0");
        assertThat(http().get("/v3/api-docs/swagger-config").body()).contains("/openapi/identity");
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void aPathNoRouteOwnsGoesToTheDashboardButTheApiStillNeedsAToken() {
        // A mistyped page address: the dashboard's to answer (here it is not running: the gateway says so),
        // never the edge's raw 401.
        TestHttp.Response page = http().get("/jobz/nothing-here", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("dashboard");
        // The API is not a page: no token, no entry; an unknown API path is the API's to refuse.
        assertThat(http().get("/api/v1/nothing").status()).isEqualTo(401);
        assertThat(http().get("/api").status()).isEqualTo(401);
    }

    @Test
    void theFrontDoorIsTheDashboard() {
        // The dashboard does not run in this test: the gateway says so instead of serving something else.
        TestHttp.Response home = http().get("/");
        assertThat(home.status()).isEqualTo(503);
        assertThat(home.body()).contains("dashboard");
    }

    @Test
    void healthIsPublic() {
        assertThat(http().get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
    }
}
