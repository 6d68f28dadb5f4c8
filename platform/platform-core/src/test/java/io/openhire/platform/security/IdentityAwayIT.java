package io.openhire.platform.security;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.testapp.TestAppSupport;
import io.openhire.platform.testapp.TestApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose identity cannot be reached (started before it, or identity down): a request with a token gets a
 * 503 problem with Retry-After — the token was not checked, not wrong — and one without a token still a 401.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestAppSupport.NAME)
class IdentityAwayIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestInfrastructure.register(registry, "platform_test_app");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String keys = "http://127.0.0.1:" + closed + "/.well-known/jwks.json";
        registry.add("openhire.security.jwk-set-uri", () -> keys);
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedIsA503WithRetryAfterNotA500() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String token = TestAppSupport.TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");

        TestHttp.Response response = http.get("/api/v1/things", bearer(token));

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/token-check-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.body()).doesNotContain("Exception");

        TestHttp.Response noToken = http.get("/api/v1/things");
        assertThat(noToken.status()).isEqualTo(401);
        TestHttp.Response garbage = http.get("/api/v1/things", bearer("not.a.token"));
        assertThat(garbage.status()).isEqualTo(401);
    }
}
