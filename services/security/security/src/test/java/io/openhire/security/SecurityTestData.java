package io.openhire.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Keys and request bodies for the security service's tests. */
final class SecurityTestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecurityTestData() {}

    /** A key-encryption key as an operator makes one: {@code openssl rand -base64 32}. */
    static String newKek() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static Map<String, Object> encryptBody(byte[] plaintext, String context) {
        Map<String, Object> body = new HashMap<>();
        body.put("plaintext", Base64.getEncoder().encodeToString(plaintext));
        if (context != null) {
            body.put("context", context);
        }
        return body;
    }

    static Map<String, Object> cipherBody(String ciphertext, String context) {
        Map<String, Object> body = new HashMap<>();
        body.put("ciphertext", ciphertext);
        if (context != null) {
            body.put("context", context);
        }
        return body;
    }
}
