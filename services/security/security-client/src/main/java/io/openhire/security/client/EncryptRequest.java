package io.openhire.security.client;

import java.util.Base64;

/**
 * {@code POST /api/v1/security/encrypt}: the bytes to encrypt, standard base64 (at most 1 MiB decoded), and an
 * optional context (at most 200 characters, e.g. {@code mailbox-password}) that must be given again to decrypt: a
 * ciphertext made for one purpose cannot be passed off as another's.
 */
public record EncryptRequest(String plaintext, String context) {

    public static EncryptRequest of(byte[] plaintext, String context) {
        return new EncryptRequest(Base64.getEncoder().encodeToString(plaintext), context);
    }
}
