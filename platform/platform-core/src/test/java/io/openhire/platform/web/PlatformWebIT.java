package io.openhire.platform.web;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.testapp.TestAppSupport;
import io.openhire.platform.testapp.TestApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What every service gets from platform-core, seen from an HTTP client. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestAppSupport.NAME)
class PlatformWebIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppSupport.register(registry);
    }

    @LocalServerPort
    int port;

    private final UUID user = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();

    private TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    private String[] recruiter() {
        return bearer(TestAppSupport.TOKENS.token(user, org, "RECRUITER"));
    }

    @Test
    void validationErrorsAreProblemDetailsListingEachField() {
        TestHttp.Response response =
                http().post("/api/v1/things", map("name", "much too long a name", "count", 0), recruiter());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://openhire.io/problems/validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("count", "name");
        assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void controlCharactersInJsonAreA400NamingTheFieldAndNothingIsStored() {
        TestHttp.Response response =
                http().post("/api/v1/things", "{\"name\": \"a\\u0000b\", \"count\": 1}", recruiter());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).endsWith("/validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must not contain control characters");
        // tab, line feed and carriage return are text
        assertThat(http().post("/api/v1/things", "{\"name\": \"a\\tb\", \"count\": 1}", recruiter())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void controlCharactersInTheQueryOrPathAreA400NamingThem() {
        TestHttp.Response query = http().get("/api/v1/things?name=a%00b", recruiter());
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().has("errors")).as(query.body()).isTrue();
        assertThat(query.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        TestHttp.Response path = http().get("/api/v1/things/a%1Bb", recruiter());
        assertThat(path.status()).isIn(400);
    }

    @Test
    void textTheDatabaseCannotStoreIsA400NotA500() {
        TestHttp.Response response = http().postRaw(
                        "/api/v1/things/raw",
                        "text/plain",
                        "a\u0000b".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        recruiter());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).endsWith("/invalid-text");
    }

    @Test
    void aRevokedSubjectsTokensAreRefusedWithinTheRefreshInterval() {
        UUID someone = UUID.randomUUID();
        String[] token = bearer(TestAppSupport.TOKENS.token(someone, org, "RECRUITER"));
        assertThat(http().get("/api/v1/me", token).status()).isEqualTo(200);

        TestAppSupport.TOKENS.revoke(someone.toString());

        await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(http().get("/api/v1/me", token).status()).isEqualTo(401));
        assertThat(http().get("/api/v1/me", recruiter()).status())
                .as("others are not affected")
                .isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400NotA500() {
        TestHttp.Response response = http().post("/api/v1/things", "{\"name\": ", recruiter());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).endsWith("/malformed-request");
    }

    @Test
    void unexpectedErrorsRevealNothingButTheRequestId() {
        TestHttp.Response response = http().get("/api/v1/boom", recruiter());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body())
                .doesNotContain("secret_table")
                .doesNotContain("Exception")
                .doesNotContain("at io.");
        assertThat(response.json().get("type").asString()).endsWith("/internal");
        assertThat(response.json().get("requestId").asString()).isNotBlank();
    }

    @Test
    void anUnreachableDatabaseIsA503ToRetryNotA500() {
        TestHttp.Response response = http().get("/api/v1/database-away", recruiter());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("type").asString()).endsWith("/dependency-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("jdbc");
    }

    @Test
    void unknownPathsAndThingsAre404Problems() {
        assertThat(http().get("/api/v1/things/" + UUID.randomUUID(), recruiter())
                        .json()
                        .get("type")
                        .asString())
                .endsWith("/not-found");
        TestHttp.Response missing = http().get("/api/v1/nothing-here", recruiter());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        TestHttp.Response none = http().get("/api/v1/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("type").asString()).endsWith("/authentication-required");

        TestHttp.Response expired =
                http().get("/api/v1/me", bearer(TestAppSupport.TOKENS.expiredToken(user, org, "ADMIN")));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("type").asString()).endsWith("/invalid-token");

        TestHttp.Response forged =
                http().get("/api/v1/me", bearer(TestAppSupport.TOKENS.tokenFromStrangeKey(user, org)));
        assertThat(forged.status()).isEqualTo(401);

        assertThat(http().get("/api/v1/me", "Authorization", "Bearer not.a.jwt").status())
                .isEqualTo(401);
    }

    @Test
    void theCallerAndTheirOrganisationComeFromTheToken() {
        TestHttp.Response me = http().get("/api/v1/me", recruiter());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("organizationId").asString()).isEqualTo(org.toString());
        assertThat(me.json().get("subject").asString()).isEqualTo(user.toString());
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("RECRUITER");
    }

    @Test
    void rolesAreEnforced() {
        TestHttp.Response denied = http().get("/api/v1/admin-only", recruiter());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("type").asString()).endsWith("/forbidden");

        assertThat(http().get("/api/v1/admin-only", bearer(TestAppSupport.TOKENS.token(user, org, "ADMIN")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void healthDocsAndDeclaredPublicPathsNeedNoToken() {
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http().get("/api/v1/public/hello").json().get("hello").asString())
                .isEqualTo("world");
    }

    @Test
    void metricsAreServedToLocalScrapers() {
        TestHttp.Response metrics = http().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void requestIdsAreKeptWhenWellFormedAndReplacedWhenNot() {
        TestHttp.Response kept = http().get("/api/v1/public/hello", "X-Request-Id", "abc-12345678");
        assertThat(kept.header("X-Request-Id")).isEqualTo("abc-12345678");

        TestHttp.Response generated = http().get("/api/v1/public/hello");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        TestHttp.Response forged = http().get("/api/v1/public/hello", "X-Request-Id", "evil\"id with spaces");
        assertThat(forged.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        TestHttp.Response response = http().postRaw("/api/v1/things", "application/json", big, recruiter());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).endsWith("/payload-too-large");
    }

    @Test
    void theContainersErrorPageIsAProblemDetailToo() {
        TestHttp.Response response = http().get("/error");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/internal");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        TestHttp.Response response = http().get("/api/v1/public/hello");

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
