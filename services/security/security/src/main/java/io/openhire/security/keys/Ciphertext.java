package io.openhire.security.keys;

import io.openhire.platform.errors.DomainException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /encrypt} answers: {@code ohe1:<key version>:<base64url of nonce || ciphertext || tag>}. {@code ohe1}
 * names the format (a later format gets another prefix); the version says which of the organisation's data keys
 * opens it, so every version keeps decrypting after a rotation.
 */
record Ciphertext(int keyVersion, byte[] sealed) {

    static final String PREFIX = "ohe1:";
    private static final Pattern FORMAT = Pattern.compile("ohe1:([1-9][0-9]{0,8}):([A-Za-z0-9_-]+)");
    /** 1 MiB of plaintext, its nonce and tag in base64, and the prefix. */
    static final int MAX_LENGTH = 1_400_000;

    /** @throws DomainException a 400 naming {@code ciphertext} when the text is not in this format */
    static Ciphertext parse(String text) {
        if (text == null || text.isEmpty()) {
            throw DomainException.invalidField("ciphertext", "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw DomainException.invalidField("ciphertext", "is longer than any ciphertext this service makes");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw DomainException.invalidField(
                    "ciphertext", "is not an OpenHire ciphertext (ohe1:<key version>:<base64url>)");
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(
                    "ciphertext", "is not an OpenHire ciphertext (its data is not base64url)");
        }
        if (sealed.length < DataCipher.NONCE_BYTES + DataCipher.TAG_BYTES) {
            throw DomainException.invalidField("ciphertext", "is too short to be an OpenHire ciphertext");
        }
        return new Ciphertext(Integer.parseInt(m.group(1)), sealed);
    }

    String format() {
        return PREFIX + keyVersion + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }
}
