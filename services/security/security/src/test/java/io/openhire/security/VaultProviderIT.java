package io.openhire.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.openhire.security.keys.KeyEncryptionKeys;
import io.openhire.security.keys.VaultTransitKeyEncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service in distributed mode with Vault's transit engine holding the key-encryption key
 * ({@code openhire.keys.kek-provider=vault}): data keys go to Vault to be wrapped and come back from it, and an
 * operator's KEK rotation rotates the transit key and re-wraps every data key through Vault.
 *
 * <p>Vault is played by WireMock answering the documented requests. Its "encryption" here only marks the data key
 * ({@code vault:v<n>:<plaintext>}), because a stub cannot keep a key: what is tested is this service's side of the
 * conversation — paths, token, base64 plaintext and context, versions — not Vault's cryptography.
 */
@SpringBootTest(
        classes = VaultProviderIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=security", "openhire.keys.cache-ttl=PT0.001S"})
class VaultProviderIT {

    static final TestTokens TOKENS = new TestTokens();
    static final String VAULT_TOKEN = "hvs.CAESIOpenHireTestToken";
    static final WireMockServer VAULT = vault();

    /** Vault's transit engine as documented, with a stand-in for its cryptography (see the class comment). */
    static WireMockServer vault() {
        WireMockServer vault =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        vault.start();
        vault.stubFor(post(urlEqualTo("/v1/transit/encrypt/openhire"))
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(okJson("{\"data\":{\"ciphertext\":\"vault:v1:{{{jsonPath request.body '$.plaintext'}}}\","
                                + "\"key_version\":1}}")
                        .withTransformers("response-template")));
        vault.stubFor(post(urlEqualTo("/v1/transit/decrypt/openhire"))
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(okJson("{\"data\":{\"plaintext\":"
                                + "\"{{{regexExtract (jsonPath request.body '$.ciphertext') '[A-Za-z0-9+/=]+$'}}}\"}}")
                        .withTransformers("response-template")));
        vault.stubFor(post(urlEqualTo("/v1/transit/rewrap/openhire"))
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(okJson("{\"data\":{\"ciphertext\":\"vault:v2:"
                                + "{{{regexExtract (jsonPath request.body '$.ciphertext') '[A-Za-z0-9+/=]+$'}}}\"}}")
                        .withTransformers("response-template")));
        vault.stubFor(post(urlEqualTo("/v1/transit/keys/openhire/rotate"))
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(aResponse().withStatus(204)));
        vault.stubFor(get(urlEqualTo("/v1/transit/keys/openhire"))
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(okJson("{\"data\":{\"name\":\"openhire\",\"latest_version\":2}}")));
        return vault;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SecurityConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "security");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.keys.kek-provider", () -> "vault");
        registry.add("openhire.keys.vault.url", VAULT::baseUrl);
        registry.add("openhire.keys.vault.token", () -> VAULT_TOKEN);
        registry.add("spring.kafka.consumer.group-id", () -> "security-vault-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
        VAULT.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyEncryptionKeys keks;

    final UUID org = UUID.randomUUID();
    final String service = TOKENS.serviceToken("job-ingestion", org);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void dataKeysAreWrappedByVaultAndMoveToItsNewKeyVersion() {
        assertThat(keks).isInstanceOf(VaultTransitKeyEncryptionKeys.class);
        String ciphertext = ok(http().post(
                                "/api/v1/security/encrypt",
                                Map.of("plaintext", "c291cmNlIHBhc3N3b3Jk", "context", "job-source"),
                                bearer(service)))
                .path("ciphertext")
                .asString();
        String context = Base64.getEncoder()
                .encodeToString(("openhire-data-key:" + org + ":v1").getBytes(StandardCharsets.UTF_8));
        VAULT.verify(postRequestedFor(urlEqualTo("/v1/transit/encrypt/openhire"))
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .withRequestBody(matchingJsonPath("$.context", equalTo(context)))
                .withRequestBody(matchingJsonPath("$.plaintext")));
        assertThat(jdbc.sql("SELECT kek_id FROM security_data_key WHERE organization_id = :org")
                        .param("org", org)
                        .query(String.class)
                        .single())
                .isEqualTo("vault:openhire:v1");

        // the cache holds a key for a millisecond here: this decrypt asks Vault to unwrap it
        assertThat(ok(http().post(
                                        "/api/v1/security/decrypt",
                                        Map.of("ciphertext", ciphertext, "context", "job-source"),
                                        bearer(service)))
                        .path("plaintext")
                        .asString())
                .isEqualTo("c291cmNlIHBhc3N3b3Jk");
        VAULT.verify(postRequestedFor(urlEqualTo("/v1/transit/decrypt/openhire"))
                .withRequestBody(matchingJsonPath("$.context", equalTo(context))));

        String operator = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN", PlatformRoles.OPERATOR);
        JsonNode run = ok(http().post("/api/v1/security/kek/rotate", Map.of(), bearer(operator)));
        assertThat(run.path("kekId").asString()).isEqualTo("vault:openhire:v2");
        assertThat(run.path("rewrapped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.path("failed").asInt()).isZero();
        VAULT.verify(postRequestedFor(urlEqualTo("/v1/transit/keys/openhire/rotate")));
        VAULT.verify(postRequestedFor(urlEqualTo("/v1/transit/rewrap/openhire"))
                .withRequestBody(matchingJsonPath("$.context", equalTo(context))));
        assertThat(jdbc.sql("SELECT count(*) FROM security_data_key WHERE kek_id <> 'vault:openhire:v2'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(ok(http().post(
                                        "/api/v1/security/decrypt",
                                        Map.of("ciphertext", ciphertext, "context", "job-source"),
                                        bearer(service)))
                        .path("plaintext")
                        .asString())
                .isEqualTo("c291cmNlIHBhc3N3b3Jk");
    }

    @Test
    void vaultRefusingIsA503ThatSaysNothingOfVault() {
        UUID stranger = UUID.randomUUID();
        VAULT.stubFor(post(urlEqualTo("/v1/transit/encrypt/openhire"))
                .withRequestBody(matchingJsonPath(
                        "$.context",
                        equalTo(Base64.getEncoder()
                                .encodeToString(
                                        ("openhire-data-key:" + stranger + ":v1").getBytes(StandardCharsets.UTF_8)))))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[\"permission denied\"]}")));
        TestHttp.Response refused = http().post(
                        "/api/v1/security/encrypt",
                        Map.of("plaintext", "aGk="),
                        bearer(TOKENS.serviceToken("job-ingestion", stranger)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.json().path("type").asString()).endsWith("/key-service-unavailable");
        assertThat(refused.body()).doesNotContain("permission denied", "vault", "Vault", "transit");
        assertThat(jdbc.sql("SELECT count(*) FROM security_data_key WHERE organization_id = :org")
                        .param("org", stranger)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
