package io.openhire.security;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tokens as OpenHire's services use them: one per value of a field in an organisation (so records can be joined on
 * it), another in every other organisation, reversible by the organisation's services only, unchanged by rotations.
 */
class TokenizationIT extends SecurityScenario {

    @Test
    void tokensAreOnePerValueInAnOrganisationAndOnlyItsServicesReverseThem() {
        String token = tokenize(service, "email", "jane@example.com");
        assertThat(token).matches("tok_email_[A-Z2-7]{32}");
        assertThat(tokenize(service, "email", "jane@example.com")).isEqualTo(token);
        assertThat(tokenize(service, "email", "john@example.com")).isNotEqualTo(token);
        assertThat(tokenize(service, "contact_email", "jane@example.com")).isNotEqualTo(token);
        String theirs = tokenize(otherService, "email", "jane@example.com");
        assertThat(theirs).isNotEqualTo(token);

        JsonNode value = ok(http().post("/api/v1/security/detokenize", Map.of("token", token), bearer(service)));
        assertThat(value.path("field").asString()).isEqualTo("email");
        assertThat(value.path("value").asString()).isEqualTo("jane@example.com");
        assertThat(http().post("/api/v1/security/detokenize", Map.of("token", theirs), bearer(service))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/security/detokenize", Map.of("token", token), bearer(otherService))
                        .status())
                .isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/security/detokenize",
                                Map.of("token", "tok_email_" + "A".repeat(32)),
                                bearer(service))
                        .status())
                .isEqualTo(404);

        // a rotation changes the keys that seal values, not the tokens: they stay joinable
        ok(http().post("/api/v1/security/keys/rotate", Map.of(), bearer(admin)));
        assertThat(tokenize(service, "email", "jane@example.com")).isEqualTo(token);
        assertThat(ok(http().post("/api/v1/security/detokenize", Map.of("token", token), bearer(service)))
                        .path("value")
                        .asString())
                .isEqualTo("jane@example.com");
        assertThat(jdbc.sql("SELECT count(*) FROM security_token WHERE sealed_value LIKE '%jane%'")
                        .query(Integer.class)
                        .single())
                .as("values are sealed, never stored in clear")
                .isZero();

        String tokenize = "/api/v1/security/tokenize";
        assertInvalid(http().post(tokenize, Map.of("value", "x"), bearer(service)), "field");
        assertInvalid(http().post(tokenize, Map.of("field", "Email", "value", "x"), bearer(service)), "field");
        assertInvalid(http().post(tokenize, Map.of("field", "e".repeat(41), "value", "x"), bearer(service)), "field");
        assertInvalid(http().post(tokenize, Map.of("field", "email"), bearer(service)), "value");
        assertInvalid(http().post(tokenize, Map.of("field", "email", "value", ""), bearer(service)), "value");
        assertInvalid(
                http().post(tokenize, Map.of("field", "email", "value", "x".repeat(4097)), bearer(service)), "value");
        assertInvalid(http().post("/api/v1/security/detokenize", Map.of(), bearer(service)), "token");
        assertInvalid(
                http().post("/api/v1/security/detokenize", Map.of("token", "tok_email_lower"), bearer(service)),
                "token");
    }

    @Test
    void oneNewValueTokenisedManyTimesAtOnceIsOneToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> tokenize(service, "national_id", "AB 12 34 56 C"));
            }
            Set<String> tokens = new HashSet<>();
            for (Future<String> token : pool.invokeAll(calls)) {
                tokens.add(token.get());
            }
            assertThat(tokens).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM security_token WHERE organization_id = :org")
                            .param("org", org)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    String tokenize(String token, String field, String value) {
        return ok(http().post("/api/v1/security/tokenize", Map.of("field", field, "value", value), bearer(token)))
                .path("token")
                .asString();
    }
}
