package io.openhire.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with associated data, for secrets and documents at rest:
 * {@code version (1 byte) || IV (12 bytes) || ciphertext || tag (16 bytes)}. The associated data
 * (for example the object's path or the key's id) binds a ciphertext to its place: moved elsewhere, it
 * no longer decrypts. The key comes from configuration until the security service offers envelope
 * encryption.
 */
public final class AesGcm {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private AesGcm(SecretKey key) {
        this.key = key;
    }

    /**
     * @param property the configuration property the key came from, named in the error when it is
     *     missing or malformed
     * @param base64Key base64 of 32 random bytes
     */
    public static AesGcm fromBase64Key(String property, String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(
                    property + " is not set (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (AES-256)");
        }
        return new AesGcm(new SecretKeySpec(bytes, "AES"));
    }

    public byte[] seal(byte[] plain, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
                    .put(VERSION)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** Throws when the bytes were altered, moved, or sealed with another key. */
    public byte[] open(byte[] sealed, String associatedData) {
        if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] != VERSION) {
            throw new IllegalStateException("Not in a known encrypted format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 1, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Decryption failed: altered data, wrong place, or not the key it was sealed with", e);
        }
    }
}
