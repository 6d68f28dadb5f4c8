package io.openhire.identity.account;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * SHA-256 of high-entropy secrets we issue (refresh tokens, invitations, API keys). They are random
 * 256-bit values, so a fast hash is enough; passwords, chosen by people, use Argon2id instead.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 256 random bits, URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String secret) {
        return io.openhire.platform.crypto.Sha256.hex(secret);
    }
}
