package io.openhire.storage.documents;

import io.openhire.platform.crypto.AesGcm;
import io.openhire.storage.StorageProperties;
import org.springframework.stereotype.Component;

/**
 * Objects at rest are sealed with AES-256-GCM under {@code openhire.storage.encryption-key}, with the
 * object's path as associated data: a file copied to another path (another organisation's, say) fails
 * to decrypt instead of being served there.
 */
@Component
class Encryption {

    private final AesGcm aes;

    Encryption(StorageProperties properties) {
        this.aes = AesGcm.fromBase64Key("openhire.storage.encryption-key", properties.encryptionKey());
    }

    byte[] seal(byte[] plain, String path) {
        return aes.seal(plain, path);
    }

    byte[] open(byte[] stored, String path) {
        return aes.open(stored, path);
    }
}
