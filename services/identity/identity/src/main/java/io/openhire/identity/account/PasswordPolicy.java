package io.openhire.identity.account;

import io.openhire.platform.errors.DomainException;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B style: long enough, not absurdly long (Argon2 input), not a well-known password and
 * not built from the user's own email or name. No composition rules: they make passwords worse.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** The most common passwords of at least 12 characters in public breach lists. */
    private static final Set<String> COMMON = Set.of(
            "123456789012",
            "password1234",
            "qwertyuiop12",
            "1q2w3e4r5t6y",
            "iloveyou1234",
            "passwordpassword",
            "qwertyuiopasdfghjkl",
            "abcdefghijkl",
            "111111111111",
            "000000000000",
            "123123123123",
            "welcome12345",
            "administrator",
            "letmein12345",
            "password123!",
            "changeme1234",
            "monkey123456",
            "football1234",
            "baseball1234",
            "superman1234",
            "trustno11234",
            "qwerty123456",
            "1234567890ab",
            "aaaaaaaaaaaa",
            "correcthorsebatterystaple",
            "p@ssw0rd1234",
            "password12345",
            "123456789abc");

    public void check(String password, String email, String name) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw DomainException.invalidField("password", "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw DomainException.invalidField("password", "must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            throw DomainException.invalidField("password", "is too common or too easy to guess");
        }
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            throw DomainException.invalidField("password", "must not contain your email address");
        }
        if (name != null) {
            for (String part : name.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() >= 4 && lower.contains(part)) {
                    throw DomainException.invalidField("password", "must not contain your name");
                }
            }
        }
    }
}
