package io.openhire.security.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredKeyEncryptionKeysTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    final byte[] dataKey = Base64.getDecoder().decode(newKey());

    @Test
    void wrapsUnderTheCurrentKeyAndUnwrapsInTheSamePlaceOnly() {
        String kek = newKey();
        ConfiguredKeyEncryptionKeys keks = new ConfiguredKeyEncryptionKeys(kek, null, Map.of());
        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(dataKey, "openhire-data-key:org-a:v1");

        assertThat(wrapped.kekId()).isEqualTo(keks.currentId()).matches("kek[0-9a-f]{8}");
        assertThat(ConfiguredKeyEncryptionKeys.derivedId(kek)).isEqualTo(keks.currentId());
        assertThat(keks.unwrap(wrapped, "openhire-data-key:org-a:v1")).isEqualTo(dataKey);
        assertThatThrownBy(() -> keks.unwrap(wrapped, "openhire-data-key:org-b:v1"))
                .isInstanceOf(KeyServiceUnavailable.class)
                .satisfies(e -> assertThat(((KeyServiceUnavailable) e).reason()).contains("does not open"));
    }

    @Test
    void aPreviousKeyStillUnwrapsAndARewrapMovesToTheCurrentOne() {
        String oldKek = newKey();
        ConfiguredKeyEncryptionKeys before = new ConfiguredKeyEncryptionKeys(oldKek, null, Map.of());
        KeyEncryptionKeys.Wrapped old = before.wrap(dataKey, "place");

        ConfiguredKeyEncryptionKeys after = new ConfiguredKeyEncryptionKeys(
                newKey(), "kek-2027", Map.of(ConfiguredKeyEncryptionKeys.derivedId(oldKek), oldKek));
        assertThat(after.currentId()).isEqualTo("kek-2027");
        assertThat(after.unwrap(old, "place")).isEqualTo(dataKey);

        KeyEncryptionKeys.Wrapped moved = after.rewrap(old, "place");
        assertThat(moved.kekId()).isEqualTo("kek-2027");
        assertThat(after.unwrap(moved, "place")).isEqualTo(dataKey);
        assertThat(after.rotate())
                .as("a configured key changes by configuration")
                .isEqualTo("kek-2027");
    }

    @Test
    void aKeyThatIsNoLongerConfiguredIsAClearFailure() {
        KeyEncryptionKeys.Wrapped old = new ConfiguredKeyEncryptionKeys(newKey(), null, Map.of()).wrap(dataKey, "p");
        ConfiguredKeyEncryptionKeys now = new ConfiguredKeyEncryptionKeys(newKey(), null, Map.of());
        assertThatThrownBy(() -> now.unwrap(old, "p"))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageNotContaining(old.kekId())
                .satisfies(
                        e -> assertThat(((KeyServiceUnavailable) e).reason()).contains(old.kekId(), "not configured"));
    }

    @Test
    void badConfigurationStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys(null, null, Map.of()))
                .hasMessageContaining("openhire.keys.kek is not set");
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys("not base64!", null, Map.of()))
                .hasMessageContaining("openhire.keys.kek");
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys(
                        Base64.getEncoder().encodeToString(new byte[16]), null, Map.of()))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys(newKey(), "no spaces please", Map.of()))
                .hasMessageContaining("openhire.keys.kek-id");
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys(newKey(), null, Map.of("old", "short")))
                .hasMessageContaining("openhire.keys.previous-keks.old");
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys(newKey(), "same", Map.of("same", newKey())))
                .hasMessageContaining("different key under the current key's id");
    }
}
