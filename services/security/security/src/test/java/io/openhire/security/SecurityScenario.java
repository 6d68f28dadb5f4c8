package io.openhire.security;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The security service with a configured key-encryption key, as its callers see it: a service of an organisation, its
 * admin and recruiter, another organisation's service and admin, a platform operator. The integration tests that
 * extend it share one running service (one context), each test with organisations of its own.
 */
@SpringBootTest(
        classes = SecurityScenario.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=security")
abstract class SecurityScenario {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SecurityConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "security");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.keys.kek", SecurityTestData::newKek);
        // its own consumer group: other test contexts of this JVM read the audit stream too
        registry.add("spring.kafka.consumer.group-id", () -> "security-scenario-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final UUID org = UUID.randomUUID();
    final UUID otherOrg = UUID.randomUUID();
    final String service = TOKENS.serviceToken("resume-ingestion", org);
    final String otherService = TOKENS.serviceToken("resume-ingestion", otherOrg);
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String otherAdmin = TOKENS.token(UUID.randomUUID(), otherOrg, "ADMIN");
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String candidate = TOKENS.token(UUID.randomUUID(), org, "CANDIDATE");
    final String operator = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN", PlatformRoles.OPERATOR);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(brief(response)).isEqualTo(200);
        return response.json();
    }

    /** The start of a body, for a failure's message: some bodies here are megabytes of ciphertext. */
    static String brief(TestHttp.Response response) {
        String body = response.body();
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    JsonNode encrypt(String token, byte[] plaintext, String context) {
        return ok(http().post(
                        "/api/v1/security/encrypt", SecurityTestData.encryptBody(plaintext, context), bearer(token)));
    }

    TestHttp.Response decrypt(String token, String ciphertext, String context) {
        return http().post("/api/v1/security/decrypt", SecurityTestData.cipherBody(ciphertext, context), bearer(token));
    }

    static void assertCannotDecrypt(TestHttp.Response response) {
        assertThat(response.status()).as(brief(response)).isEqualTo(400);
        assertThat(response.json().path("type").asString()).isEqualTo("https://openhire.io/problems/cannot-decrypt");
        assertThat(response.json().path("detail").asString())
                .isEqualTo("The ciphertext cannot be decrypted with this organisation's keys and this context.");
    }

    static void assertInvalid(TestHttp.Response response, String field) {
        assertThat(response.status()).as(brief(response)).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .as(brief(response))
                .isEqualTo(field);
    }
}
