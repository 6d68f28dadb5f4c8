package io.openhire.security.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.security.KeysProperties;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The Vault adapter against the transit engine's documented requests and answers (api-docs/secret/transit), played by
 * WireMock: paths, the X-Vault-Token header, base64 plaintext and context, {@code vault:v<n>:} ciphertexts, and
 * Vault's {@code {"errors": [...]}} turned into a failure that tells the log, not the caller.
 */
class VaultTransitKeyEncryptionKeysTest {

    static final String TOKEN = "hvs.test-token";
    static final String ASSOCIATED = "openhire-data-key:3f1c2a9e-0000-4000-8000-000000000001:v1";

    WireMockServer vault;
    VaultTransitKeyEncryptionKeys keks;
    final byte[] dataKey = new byte[32];

    @BeforeEach
    void start() {
        vault = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        vault.start();
        keks = adapter(vault.baseUrl(), "transit");
        for (int i = 0; i < dataKey.length; i++) {
            dataKey[i] = (byte) i;
        }
    }

    @AfterEach
    void stop() {
        vault.stop();
    }

    VaultTransitKeyEncryptionKeys adapter(String url, String mount) {
        return new VaultTransitKeyEncryptionKeys(
                RestClient.builder(), new KeysProperties.Vault(url + "/", TOKEN, "openhire", mount));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String context() {
        return base64(ASSOCIATED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wrapsAndUnwrapsThroughEncryptAndDecrypt() {
        vault.stubFor(post(urlEqualTo("/v1/transit/encrypt/openhire"))
                .withHeader("X-Vault-Token", equalTo(TOKEN))
                .withRequestBody(
                        equalToJson("{\"plaintext\":\"" + base64(dataKey) + "\",\"context\":\"" + context() + "\"}"))
                .willReturn(
                        okJson("{\"data\":{\"ciphertext\":\"vault:v1:XjsPWPjqPrBi1N2Ms2s1QM798YyFWnO4TR4lsFA=\"}}")));
        vault.stubFor(post(urlEqualTo("/v1/transit/decrypt/openhire"))
                .withHeader("X-Vault-Token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"ciphertext\":\"vault:v1:XjsPWPjqPrBi1N2Ms2s1QM798YyFWnO4TR4lsFA=\","
                        + "\"context\":\"" + context() + "\"}"))
                .willReturn(okJson("{\"data\":{\"plaintext\":\"" + base64(dataKey) + "\"}}")));

        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(dataKey, ASSOCIATED);
        assertThat(wrapped.kekId()).isEqualTo("vault:openhire:v1");
        assertThat(new String(wrapped.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("vault:v1:XjsPWPjqPrBi1N2Ms2s1QM798YyFWnO4TR4lsFA=");
        assertThat(keks.unwrap(wrapped, ASSOCIATED)).isEqualTo(dataKey);
        vault.verify(1, postRequestedFor(urlEqualTo("/v1/transit/encrypt/openhire")));
        vault.verify(1, postRequestedFor(urlEqualTo("/v1/transit/decrypt/openhire")));
    }

    @Test
    void rotatesTheTransitKeyAndRewrapsWithoutThePlaintextLeavingVault() {
        vault.stubFor(post(urlEqualTo("/v1/transit/keys/openhire/rotate"))
                .withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(204)));
        vault.stubFor(get(urlEqualTo("/v1/transit/keys/openhire"))
                .withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(okJson("{\"data\":{\"name\":\"openhire\",\"type\":\"aes256-gcm96\",\"derived\":true,"
                        + "\"keys\":{\"1\":1554654295,\"2\":1554654300},\"latest_version\":2,"
                        + "\"min_decryption_version\":1}}")));
        vault.stubFor(post(urlEqualTo("/v1/transit/rewrap/openhire"))
                .withRequestBody(equalToJson("{\"ciphertext\":\"vault:v1:abcd\",\"context\":\"" + context() + "\"}"))
                .willReturn(okJson("{\"data\":{\"ciphertext\":\"vault:v2:efgh\"}}")));

        assertThat(keks.rotate()).isEqualTo("vault:openhire:v2");
        assertThat(keks.currentId()).isEqualTo("vault:openhire:v2");
        KeyEncryptionKeys.Wrapped moved = keks.rewrap(
                new KeyEncryptionKeys.Wrapped("vault:openhire:v1", "vault:v1:abcd".getBytes(StandardCharsets.UTF_8)),
                ASSOCIATED);
        assertThat(moved.kekId()).isEqualTo("vault:openhire:v2");
        assertThat(new String(moved.bytes(), StandardCharsets.UTF_8)).isEqualTo("vault:v2:efgh");
        vault.verify(1, postRequestedFor(urlEqualTo("/v1/transit/keys/openhire/rotate")));
        vault.verify(0, postRequestedFor(urlEqualTo("/v1/transit/decrypt/openhire")));
        vault.verify(2, getRequestedFor(urlEqualTo("/v1/transit/keys/openhire")));
    }

    @Test
    void vaultsErrorsBecomeAFailureThatTellsTheLogNotTheCaller() {
        vault.stubFor(post(urlEqualTo("/v1/transit/decrypt/openhire"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[\"cipher: message authentication failed\"]}")));
        vault.stubFor(post(urlEqualTo("/v1/transit/encrypt/openhire"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}")));
        vault.stubFor(get(urlEqualTo("/v1/transit/keys/openhire"))
                .willReturn(aResponse().withStatus(503).withBody("<html>Vault is sealed</html>")));

        assertThatThrownBy(() -> keks.unwrap(
                        new KeyEncryptionKeys.Wrapped(
                                "vault:openhire:v1", "vault:v1:abcd".getBytes(StandardCharsets.UTF_8)),
                        ASSOCIATED))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessage("The key service is unavailable. Try again shortly; quote the request id if it lasts.")
                .satisfies(e -> assertThat(((KeyServiceUnavailable) e).reason())
                        .contains("decrypt", "400", "cipher: message authentication failed"));
        assertThatThrownBy(() -> keks.wrap(dataKey, ASSOCIATED))
                .isInstanceOf(KeyServiceUnavailable.class)
                .satisfies(e -> assertThat(((KeyServiceUnavailable) e).reason())
                        .contains("encrypt", "403", "permission denied"));
        assertThatThrownBy(() -> keks.currentId())
                .isInstanceOf(KeyServiceUnavailable.class)
                .satisfies(e -> assertThat(((KeyServiceUnavailable) e).reason())
                        .contains("503", "no Vault error list")
                        .doesNotContain("sealed"));
    }

    @Test
    void anAnswerWithoutWhatTheApiPromisesIsAFailureToo() {
        vault.stubFor(post(urlEqualTo("/v1/transit/encrypt/openhire")).willReturn(okJson("{\"data\":{}}")));
        vault.stubFor(post(urlEqualTo("/v1/transit/decrypt/openhire"))
                .willReturn(okJson("{\"data\":{\"plaintext\":\"not base64!\"}}")));
        assertThatThrownBy(() -> keks.wrap(dataKey, ASSOCIATED)).isInstanceOf(KeyServiceUnavailable.class);
        assertThatThrownBy(() -> keks.unwrap(
                        new KeyEncryptionKeys.Wrapped(
                                "vault:openhire:v1", "vault:v1:abcd".getBytes(StandardCharsets.UTF_8)),
                        ASSOCIATED))
                .isInstanceOf(KeyServiceUnavailable.class);
    }

    @Test
    void anUnreachableVaultIsAFailureNamingNoSecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultTransitKeyEncryptionKeys away = adapter("http://127.0.0.1:" + closedPort, "transit");
        assertThatThrownBy(() -> away.wrap(dataKey, ASSOCIATED))
                .isInstanceOf(KeyServiceUnavailable.class)
                .satisfies(e -> assertThat(((KeyServiceUnavailable) e).reason())
                        .contains("could not be reached")
                        .doesNotContain(TOKEN));
    }

    @Test
    void anEngineMountedElsewhereIsCalledThere() {
        vault.stubFor(post(urlEqualTo("/v1/data-protection/transit/encrypt/openhire"))
                .willReturn(okJson("{\"data\":{\"ciphertext\":\"vault:v4:abcd\"}}")));
        assertThat(adapter(vault.baseUrl(), "/data-protection/transit/")
                        .wrap(dataKey, ASSOCIATED)
                        .kekId())
                .isEqualTo("vault:openhire:v4");
    }

    @Test
    void missingSettingsStopTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new VaultTransitKeyEncryptionKeys(
                        RestClient.builder(), new KeysProperties.Vault(null, TOKEN, null, null)))
                .hasMessageContaining("openhire.keys.vault.url");
        assertThatThrownBy(() -> new VaultTransitKeyEncryptionKeys(
                        RestClient.builder(), new KeysProperties.Vault("http://vault:8200", " ", null, null)))
                .hasMessageContaining("openhire.keys.vault.token");
        assertThatThrownBy(() -> new VaultTransitKeyEncryptionKeys(
                        RestClient.builder(), new KeysProperties.Vault("http://vault:8200", TOKEN, "a/b", null)))
                .hasMessageContaining("openhire.keys.vault.key-name");
    }
}
