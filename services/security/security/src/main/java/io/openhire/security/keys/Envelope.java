package io.openhire.security.keys;

import io.openhire.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption for the organisations' services: data encrypted (AES-256-GCM) under the organisation's active
 * data key, which the key-encryption key wraps. The associated data binds each ciphertext to its organisation, key
 * version and the caller's context, so that it does not decrypt for another organisation or as another field.
 */
@Component
public class Envelope {

    private final DataKeys keys;

    Envelope(DataKeys keys) {
        this.keys = keys;
    }

    /** A ciphertext and the key version that made it. */
    public record Sealed(String ciphertext, int keyVersion) {}

    /** Decrypted bytes and the key version that had encrypted them; {@link #toString()} leaves the bytes out. */
    public record Opened(byte[] plaintext, int keyVersion) {

        @Override
        public String toString() {
            return "Opened[" + plaintext.length + " bytes, keyVersion=" + keyVersion + "]";
        }
    }

    /** Encrypts under the organisation's active key (made on first use). */
    public Sealed encrypt(UUID organizationId, byte[] plaintext, String context) {
        DataKeys.Key key = keys.active(organizationId);
        byte[] sealed = DataCipher.seal(key.secret(), plaintext, associated(organizationId, key.version(), context));
        return new Sealed(new Ciphertext(key.version(), sealed).format(), key.version());
    }

    /**
     * @throws DomainException {@code cannot-decrypt} (400) when the ciphertext is another organisation's, was made
     *     with another context, was altered or names a version the organisation does not have — which of these is
     *     not said; {@code validation} (400, field {@code ciphertext}) when it is not in the format at all
     */
    public Opened decrypt(UUID organizationId, String ciphertext, String context) {
        Ciphertext parsed = Ciphertext.parse(ciphertext);
        SecretKey key = keys.version(organizationId, parsed.keyVersion()).orElseThrow(Envelope::cannotDecrypt);
        try {
            byte[] plain =
                    DataCipher.open(key, parsed.sealed(), associated(organizationId, parsed.keyVersion(), context));
            return new Opened(plain, parsed.keyVersion());
        } catch (AEADBadTagException e) {
            throw cannotDecrypt();
        }
    }

    /**
     * The same plaintext under the organisation's active key: what a service's re-encryption job calls after a
     * rotation. A ciphertext already under the active version comes back as it is (after it was checked).
     */
    public Sealed rewrap(UUID organizationId, String ciphertext, String context) {
        Opened opened = decrypt(organizationId, ciphertext, context);
        try {
            DataKeys.Key active = keys.active(organizationId);
            if (opened.keyVersion() == active.version()) {
                return new Sealed(ciphertext, opened.keyVersion());
            }
            byte[] sealed = DataCipher.seal(
                    active.secret(), opened.plaintext(), associated(organizationId, active.version(), context));
            return new Sealed(new Ciphertext(active.version(), sealed).format(), active.version());
        } finally {
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
    }

    /** Organisation, version and context, in a form where no two different triples give the same bytes. */
    static byte[] associated(UUID organizationId, int version, String context) {
        return ("openhire-envelope:" + organizationId + ":v" + version + ":" + (context == null ? "" : context))
                .getBytes(StandardCharsets.UTF_8);
    }

    static DomainException cannotDecrypt() {
        return new DomainException(
                DomainException.Category.INVALID,
                "cannot-decrypt",
                "Cannot decrypt",
                "The ciphertext cannot be decrypted with this organisation's keys and this context.");
    }
}
