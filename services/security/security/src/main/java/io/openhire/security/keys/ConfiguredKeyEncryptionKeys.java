package io.openhire.security.keys;

import io.openhire.platform.crypto.AesGcm;
import io.openhire.platform.crypto.Sha256;
import io.openhire.security.KeysProperties;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Key-encryption keys from configuration (the all-in-one, which keeps its key in the data directory): {@code
 * openhire.keys.kek} is current, {@code openhire.keys.previous-keks} still unwrap. AES-256-GCM (platform-core's
 * {@link AesGcm}), the associated data binding each wrapped key to its organisation and version.
 *
 * <p>To change the key without downtime: add the new key to {@code previous-keks} everywhere; make it {@code kek}
 * (the old one moving to {@code previous-keks}); let the re-wrap run ({@code POST /api/v1/security/kek/rotate} or the
 * hourly job); then remove the old one.
 */
public final class ConfiguredKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String currentId;
    private final Map<String, AesGcm> keys = new LinkedHashMap<>();

    /**
     * @param kek base64 of 32 random bytes, the current key
     * @param kekId its id, or null to derive it from the key
     * @param previous id → base64 key, still able to unwrap
     */
    public ConfiguredKeyEncryptionKeys(String kek, String kekId, Map<String, String> previous) {
        AesGcm current = AesGcm.fromBase64Key("openhire.keys.kek", kek);
        this.currentId = kekId == null || kekId.isBlank() ? derivedId(kek) : checkedId("openhire.keys.kek-id", kekId);
        keys.put(currentId, current);
        for (Map.Entry<String, String> entry : previous.entrySet()) {
            String property = "openhire.keys.previous-keks." + entry.getKey();
            String id = checkedId(property, entry.getKey());
            AesGcm key = AesGcm.fromBase64Key(property, entry.getValue());
            if (id.equals(currentId)) {
                if (!derivedId(entry.getValue()).equals(derivedId(kek))) {
                    throw new IllegalStateException(property + " is a different key under the current key's id");
                }
                continue;
            }
            keys.put(id, key);
        }
    }

    public static ConfiguredKeyEncryptionKeys from(KeysProperties properties) {
        return new ConfiguredKeyEncryptionKeys(properties.kek(), properties.kekId(), properties.previousKeks());
    }

    /**
     * {@code kek} and the first 8 hex digits of the key's SHA-256: stable for a key, different for another, saying
     * nothing useful about the key — and only lower-case letters and digits, so that it can be the key of
     * {@code previous-keks} in an environment variable ({@code OPENHIRE_KEYS_PREVIOUSKEKS_KEK1A2B3C4D}).
     */
    public static String derivedId(String base64Key) {
        return "kek" + Sha256.hex(Base64.getDecoder().decode(base64Key.strip())).substring(0, 8);
    }

    private static String checkedId(String property, String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException(
                    property + ": a key id is 1-64 letters, digits, '.', '_', ':' or '-' (got '" + id + "')");
        }
        return id;
    }

    @Override
    public Wrapped wrap(byte[] dataKey, String associated) {
        return new Wrapped(currentId, keys.get(currentId).seal(dataKey, associated));
    }

    @Override
    public byte[] unwrap(Wrapped wrapped, String associated) {
        AesGcm key = keys.get(wrapped.kekId());
        if (key == null) {
            throw KeyServiceUnavailable.because("key-encryption key " + wrapped.kekId()
                    + " is not configured (openhire.keys.kek or openhire.keys.previous-keks)");
        }
        try {
            return key.open(wrapped.bytes(), associated);
        } catch (IllegalStateException e) {
            throw KeyServiceUnavailable.because("a data key wrapped with " + wrapped.kekId()
                    + " does not open: altered, moved, or another key configured under that id");
        }
    }

    @Override
    public String currentId() {
        return currentId;
    }
}
