package io.openhire.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class KeysPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        KeysProperties properties = new KeysProperties(null, "a-key", null, null, null, null, null);
        assertThat(properties.kekProvider()).isEqualTo(KeysProperties.KekProvider.CONFIGURED);
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.vault().keyName()).isEqualTo("openhire");
        assertThat(properties.vault().mount()).isEqualTo("transit");
        KeysProperties.Threats threats = properties.threats();
        assertThat(threats.credentialStuffingAccounts()).isEqualTo(5);
        assertThat(threats.credentialStuffingWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(threats.bruteForceFailures()).isEqualTo(10);
        assertThat(threats.massDownloads()).isEqualTo(50);
        assertThat(threats.massDownloadWindow()).isEqualTo(Duration.ofMinutes(60));
        assertThat(threats.privilegeActions()).containsExactly("user.role-changed", "api-key.created");
    }

    @Test
    void keysAndPreviousKeysComeFromEnvironmentVariables() {
        Map<String, Object> environment = Map.of(
                "OPENHIRE_KEYS_KEK_PROVIDER", "vault",
                "OPENHIRE_KEYS_KEK", "current-key",
                "OPENHIRE_KEYS_PREVIOUSKEKS_KEK1A2B3C4D", "previous-key",
                "OPENHIRE_KEYS_VAULT_KEYNAME", "hiring",
                "OPENHIRE_KEYS_THREATS_MASSDOWNLOADS", "20");
        KeysProperties properties = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .bind("openhire.keys", KeysProperties.class)
                .get();
        assertThat(properties.kekProvider()).isEqualTo(KeysProperties.KekProvider.VAULT);
        assertThat(properties.kek()).isEqualTo("current-key");
        assertThat(properties.previousKeks()).containsExactly(Map.entry("kek1a2b3c4d", "previous-key"));
        assertThat(properties.vault().keyName()).isEqualTo("hiring");
        assertThat(properties.threats().massDownloads()).isEqualTo(20);
    }

    @Test
    void neitherKeysNorTheVaultTokenAreInItsText() {
        KeysProperties properties = new KeysProperties(
                KeysProperties.KekProvider.VAULT,
                "c2VjcmV0LWtleS1tYXRlcmlhbA==",
                null,
                Map.of("old", "b2xkLXNlY3JldC1rZXk="),
                new KeysProperties.Vault("https://vault:8200", "s.vault-token", null, null),
                null,
                null);
        assertThat(properties.toString())
                .contains("old", "https://vault:8200", "(set)")
                .doesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA==", "b2xkLXNlY3JldC1rZXk=", "s.vault-token");
    }

    @Test
    void nonsenseThresholdsStopTheStart() {
        assertThatThrownBy(() -> new KeysProperties.Threats(0, null, null, null, null, null, null, null))
                .hasMessageContaining("openhire.keys.threats.credential-stuffing-accounts");
        assertThatThrownBy(() -> new KeysProperties.Threats(null, null, null, Duration.ZERO, null, null, null, null))
                .hasMessageContaining("openhire.keys.threats.brute-force-window");
        assertThatThrownBy(() -> new KeysProperties.Threats(
                        null, null, null, null, null, null, List.of(), Duration.ofMinutes(30)))
                .hasMessageContaining("signal-retention");
    }
}
