package io.openhire.security.keys;

import java.util.Arrays;

/**
 * The key-encryption key (KEK): wraps each organisation's data keys, which are stored only wrapped, so that a copy
 * of the database alone decrypts nothing. There is one current KEK (new wraps) and possibly older ones that still
 * unwrap until the re-wrap job has moved every data key to the current one.
 *
 * <p>{@code associated} binds a wrapped key to its place (organisation and version): moved to another row, it no
 * longer unwraps.
 */
public interface KeyEncryptionKeys {

    /** A data key as stored: wrapped by the key-encryption key {@code kekId}. */
    record Wrapped(String kekId, byte[] bytes) {

        @Override
        public String toString() {
            return "Wrapped[kekId=" + kekId + ", " + bytes.length + " bytes]";
        }
    }

    /** Wraps under the current key-encryption key. */
    Wrapped wrap(byte[] dataKey, String associated);

    /**
     * The data key.
     *
     * @throws KeyServiceUnavailable when the key-encryption key is not known here, the key service cannot be reached,
     *     or the wrapped key does not open (altered, or moved from another place)
     */
    byte[] unwrap(Wrapped wrapped, String associated);

    /** The id new wraps get; a data key wrapped under another id is due for a re-wrap. */
    String currentId();

    /** The same data key wrapped under the current key-encryption key. */
    default Wrapped rewrap(Wrapped wrapped, String associated) {
        byte[] dataKey = unwrap(wrapped, associated);
        try {
            return wrap(dataKey, associated);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Makes a new key-encryption key current where the provider can (Vault: a new version of the transit key);
     * a configured key changes only by configuration, so there this is the current id unchanged.
     *
     * @return the current id afterwards
     */
    default String rotate() {
        return currentId();
    }
}
