package io.openhire.security;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.test.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Envelope encryption as OpenHire's services use it, and the key versions as an organisation's admin sees and rotates
 * them: round trips, ciphertexts that are worth nothing to another organisation or in another context, bad input
 * refused field by field, and every endpoint closed to the roles it is not for.
 */
class EnvelopeIT extends SecurityScenario {

    @Test
    void encryptsAndDecryptsForTheOrganisationAndTheContextOnly() {
        byte[] password = "mailbox password: tr0ub4dor&3".getBytes(StandardCharsets.UTF_8);
        JsonNode sealed = encrypt(service, password, "mailbox-password");
        String ciphertext = sealed.path("ciphertext").asString();
        assertThat(ciphertext).startsWith("ohe1:1:").doesNotContain("tr0ub4dor");
        assertThat(sealed.path("keyVersion").asInt()).isEqualTo(1);

        JsonNode opened = ok(decrypt(service, ciphertext, "mailbox-password"));
        assertThat(Base64.getDecoder().decode(opened.path("plaintext").asString()))
                .isEqualTo(password);
        assertThat(opened.path("keyVersion").asInt()).isEqualTo(1);

        // another organisation's service, another context, no context, altered, a version the organisation lacks
        assertCannotDecrypt(decrypt(otherService, ciphertext, "mailbox-password"));
        assertCannotDecrypt(decrypt(service, ciphertext, "api-secret"));
        assertCannotDecrypt(decrypt(service, ciphertext, null));
        char last = ciphertext.charAt(ciphertext.length() - 5);
        String altered = ciphertext.substring(0, ciphertext.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + ciphertext.substring(ciphertext.length() - 4);
        assertCannotDecrypt(decrypt(service, altered, "mailbox-password"));
        assertCannotDecrypt(decrypt(service, "ohe1:9" + ciphertext.substring(6), "mailbox-password"));
        assertCannotDecrypt(http().post(
                        "/api/v1/security/rewrap",
                        SecurityTestData.cipherBody(ciphertext, "mailbox-password"),
                        bearer(otherService)));

        // the same plaintext encrypts differently every time (a fresh nonce); empty is a plaintext too
        assertThat(encrypt(service, password, "mailbox-password")
                        .path("ciphertext")
                        .asString())
                .isNotEqualTo(ciphertext);
        JsonNode empty = encrypt(service, new byte[0], null);
        assertThat(ok(decrypt(service, empty.path("ciphertext").asString(), null))
                        .path("plaintext")
                        .asString())
                .isEmpty();

        // a body naming another organisation changes nothing: the organisation is the token's
        String theirs = ok(http().post(
                                "/api/v1/security/encrypt",
                                map("plaintext", "aGk=", "organizationId", org.toString()),
                                bearer(otherService)))
                .path("ciphertext")
                .asString();
        assertCannotDecrypt(decrypt(service, theirs, null));
        assertThat(ok(decrypt(otherService, theirs, null)).path("plaintext").asString())
                .isEqualTo("aGk=");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        String path = "/api/v1/security/encrypt";
        assertInvalid(http().post(path, Map.of(), bearer(service)), "plaintext");
        assertInvalid(http().post(path, Map.of("plaintext", "not base64!"), bearer(service)), "plaintext");
        byte[] tooBig = new byte[(1 << 20) + 1];
        assertInvalid(http().post(path, SecurityTestData.encryptBody(tooBig, null), bearer(service)), "plaintext");
        assertInvalid(
                http().post(path, Map.of("plaintext", "aGk=", "context", "c".repeat(201)), bearer(service)), "context");
        assertThat(encrypt(service, new byte[1 << 20], "c".repeat(200))
                        .path("keyVersion")
                        .asInt())
                .as("exactly 1 MiB and 200 characters are fine")
                .isEqualTo(1);

        String decrypt = "/api/v1/security/decrypt";
        assertInvalid(http().post(decrypt, Map.of(), bearer(service)), "ciphertext");
        for (String notOurs :
                List.of("hello", "ohe1:1:", "ohe1:0:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "ohe1:1:AAAA")) {
            assertInvalid(http().post(decrypt, Map.of("ciphertext", notOurs), bearer(service)), "ciphertext");
            assertInvalid(
                    http().post("/api/v1/security/rewrap", Map.of("ciphertext", notOurs), bearer(service)),
                    "ciphertext");
        }
        assertInvalid(
                http().post(decrypt, Map.of("ciphertext", "ohe1:1:AAAA", "context", "a\u0007b"), bearer(service)),
                "context");
        TestHttp.Response notJson =
                http().postRaw(path, "application/json", "{not json".getBytes(StandardCharsets.UTF_8), bearer(service));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM security_data_key WHERE organization_id = :org")
                        .param("org", org)
                        .query(Integer.class)
                        .single())
                .as("only the one good request made the organisation's key")
                .isEqualTo(1);
    }

    @Test
    void onlyServicesEncryptDecryptAndTokenise() {
        String ciphertext =
                encrypt(service, new byte[] {1}, null).path("ciphertext").asString();
        Map<String, Object> bodies = Map.of(
                "/api/v1/security/encrypt", Map.of("plaintext", "aGk="),
                "/api/v1/security/decrypt", Map.of("ciphertext", ciphertext),
                "/api/v1/security/rewrap", Map.of("ciphertext", ciphertext),
                "/api/v1/security/tokenize", Map.of("field", "email", "value", "jane@example.com"),
                "/api/v1/security/detokenize", Map.of("token", "tok_email_" + "A".repeat(32)));
        bodies.forEach((path, body) -> {
            assertThat(http().post(path, body).status()).as(path).isEqualTo(401);
            for (String person : List.of(candidate, recruiter, admin, operator)) {
                assertThat(http().post(path, body, bearer(person)).status())
                        .as(path)
                        .isEqualTo(403);
            }
        });
        assertThat(http().post(
                                "/api/v1/security/encrypt",
                                Map.of("plaintext", "aGk="),
                                bearer(TOKENS.expiredToken(UUID.randomUUID(), org, "SERVICE")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anAdminRotatesTheKeyAndOldCiphertextsKeepDecryptingUntilRewrapped() {
        String before = encrypt(service, "v1 secret".getBytes(StandardCharsets.UTF_8), "ctx")
                .path("ciphertext")
                .asString();

        JsonNode rotated = ok(http().post("/api/v1/security/keys/rotate", Map.of(), bearer(admin)));
        assertThat(rotated.path("version").asInt()).isEqualTo(2);
        assertThat(rotated.path("state").asString()).isEqualTo("ACTIVE");

        JsonNode after = encrypt(service, "v2 secret".getBytes(StandardCharsets.UTF_8), "ctx");
        assertThat(after.path("keyVersion").asInt()).isEqualTo(2);
        assertThat(ok(decrypt(service, before, "ctx")).path("keyVersion").asInt())
                .isEqualTo(1);

        JsonNode moved =
                ok(http().post("/api/v1/security/rewrap", SecurityTestData.cipherBody(before, "ctx"), bearer(service)));
        assertThat(moved.path("keyVersion").asInt()).isEqualTo(2);
        assertThat(moved.path("ciphertext").asString()).startsWith("ohe1:2:");
        JsonNode reopened = ok(decrypt(service, moved.path("ciphertext").asString(), "ctx"));
        assertThat(new String(
                        Base64.getDecoder().decode(reopened.path("plaintext").asString()), StandardCharsets.UTF_8))
                .isEqualTo("v1 secret");
        assertThat(ok(http().post(
                                        "/api/v1/security/rewrap",
                                        SecurityTestData.cipherBody(
                                                after.path("ciphertext").asString(), "ctx"),
                                        bearer(service)))
                        .path("ciphertext")
                        .asString())
                .as("already under the active version: as it was")
                .isEqualTo(after.path("ciphertext").asString());

        JsonNode keys = ok(http().get("/api/v1/security/keys", bearer(admin)));
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(keys.get(0).path("retiredAt").isNull()).isTrue();
        assertThat(keys.get(1).path("state").asString()).isEqualTo("RETIRED");
        assertThat(keys.get(1).path("retiredAt").asString()).isNotBlank();
        assertThat(keys.get(1).path("kekId").asString()).matches("kek[0-9a-f]{8}");
        assertThat(ok(http().get("/api/v1/security/keys", bearer(service)))).hasSize(2);
        assertThat(jdbc.sql("SELECT payload FROM outbox_event WHERE topic = :topic AND organization_id = :org")
                        .param("topic", AuditRecorded.TOPIC)
                        .param("org", org)
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(entry -> assertThat(entry).contains("security.key-rotated", "data-key", "\"2\""));
    }

    @Test
    void keysAreTheOrganisationsOwnAndTheKekIsTheOperatorsOnly() {
        encrypt(service, new byte[] {1}, null);
        assertThat(ok(http().get("/api/v1/security/keys", bearer(otherAdmin)))).isEmpty();
        ok(http().post("/api/v1/security/keys/rotate", Map.of(), bearer(otherAdmin)));
        assertThat(ok(http().get("/api/v1/security/keys", bearer(admin))))
                .as("another organisation's rotation leaves this one's keys alone")
                .hasSize(1);

        assertThat(http().get("/api/v1/security/keys").status()).isEqualTo(401);
        assertThat(http().get("/api/v1/security/keys", bearer(recruiter)).status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/security/keys/rotate", Map.of()).status())
                .isEqualTo(401);
        for (String notAdmin : List.of(candidate, recruiter, service)) {
            assertThat(http().post("/api/v1/security/keys/rotate", Map.of(), bearer(notAdmin))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(http().post("/api/v1/security/kek/rotate", Map.of()).status())
                .isEqualTo(401);
        for (String notOperator : List.of(recruiter, admin, service)) {
            assertThat(http().post("/api/v1/security/kek/rotate", Map.of(), bearer(notOperator))
                            .status())
                    .isEqualTo(403);
        }
        JsonNode run = ok(http().post("/api/v1/security/kek/rotate", Map.of(), bearer(operator)));
        assertThat(run.path("kekId").asString()).matches("kek[0-9a-f]{8}");
        assertThat(run.path("rewrapped").asInt())
                .as("nothing to move: one KEK all along")
                .isZero();
        assertThat(run.path("failed").asInt()).isZero();
    }

    @Test
    void everyEndpointIsInTheApiDocument() {
        JsonNode paths = ok(http().get("/v3/api-docs")).path("paths");
        for (String path : List.of(
                "/api/v1/security/encrypt",
                "/api/v1/security/decrypt",
                "/api/v1/security/rewrap",
                "/api/v1/security/tokenize",
                "/api/v1/security/detokenize",
                "/api/v1/security/keys",
                "/api/v1/security/keys/rotate",
                "/api/v1/security/kek/rotate",
                "/api/v1/security/threats")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/v1/security/encrypt")
                        .path("post")
                        .path("parameters")
                        .isMissingNode())
                .as("the caller comes from the token, not from a parameter")
                .isTrue();
    }

    @Test
    void oneActiveKeyWhateverArrivesAtOnce() throws Exception {
        UUID fresh = UUID.randomUUID();
        String freshService = TOKENS.serviceToken("communication", fresh);
        String freshAdmin = TOKENS.token(UUID.randomUUID(), fresh, "ADMIN");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TestHttp.Response>> firstUses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                firstUses.add(() ->
                        http().post("/api/v1/security/encrypt", Map.of("plaintext", "aGk="), bearer(freshService)));
            }
            for (Future<TestHttp.Response> response : pool.invokeAll(firstUses)) {
                assertThat(ok(response.get()).path("keyVersion").asInt()).isEqualTo(1);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM security_data_key WHERE organization_id = :org")
                            .param("org", fresh)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);

            List<Callable<TestHttp.Response>> rotations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                rotations.add(() -> http().post("/api/v1/security/keys/rotate", Map.of(), bearer(freshAdmin)));
            }
            int rotated = 0;
            for (Future<TestHttp.Response> response : pool.invokeAll(rotations)) {
                TestHttp.Response r = response.get();
                assertThat(r.status()).as(r.body()).isIn(200, 409);
                if (r.status() == 200) {
                    rotated++;
                } else {
                    assertThat(r.json().path("type").asString()).endsWith("/key-rotation-busy");
                }
            }
            assertThat(rotated).isPositive();
            assertThat(jdbc.sql("""
                            SELECT count(*) FILTER (WHERE state = 'ACTIVE') || '/' || count(*) || '/' || max(version)
                            FROM security_data_key WHERE organization_id = :org
                            """).param("org", fresh).query(String.class).single())
                    .as("one active key; versions 1..n without gaps")
                    .isEqualTo("1/" + (rotated + 1) + "/" + (rotated + 1));
        } finally {
            pool.shutdownNow();
        }
    }
}
