package io.openhire.storage.backups;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streaming encryption for backup entries: the plaintext cut into chunks of {@value #CHUNK} bytes, each sealed with
 * AES-256-GCM under its own random nonce, bound by its associated data to the entry's name, its position and whether
 * it is the last. A chunk moved, reordered, taken from another entry or dropped from the end does not decrypt — the
 * design of Tink's streaming AEAD, small enough to read here. One-shot GCM would have to hold a whole entry (a table
 * of every resume) in memory to check its tag; chunks keep memory at one chunk.
 *
 * <p>A chunk on disk: {@code length (4 bytes) || nonce (12) || ciphertext || tag (16)}.
 */
final class ChunkedAead {

    static final int CHUNK = 1 << 20;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChunkedAead() {}

    static OutputStream encrypting(OutputStream out, SecretKey key, String entry) {
        return new Encrypting(new DataOutputStream(out), key, entry);
    }

    static InputStream decrypting(InputStream in, SecretKey key, String entry) {
        return new Decrypting(new DataInputStream(in), key, entry);
    }

    private static byte[] associatedData(String entry, long index, boolean last) {
        return (entry + "\u0000" + index + "\u0000" + (last ? "last" : "more")).getBytes(StandardCharsets.UTF_8);
    }

    private static final class Encrypting extends OutputStream {
        private final DataOutputStream out;
        private final SecretKey key;
        private final String entry;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long index;
        private boolean closed;

        Encrypting(DataOutputStream out, SecretKey key, String entry) {
            this.out = out;
            this.key = key;
            this.entry = entry;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == CHUNK) {
                    seal(false); // only now: the last chunk must be known as the last when it is sealed
                }
                int n = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] nonce = new byte[NONCE];
                RANDOM.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData(entry, index++, last));
                byte[] sealed = cipher.doFinal(buffer, 0, filled);
                out.writeInt(sealed.length);
                out.write(nonce);
                out.write(sealed);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot encrypt the backup", e);
            }
        }

        /** Seals the last chunk (empty if the entry ended on a chunk boundary); does not close the stream below. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.flush();
            }
        }
    }

    private static final class Decrypting extends InputStream {
        private final DataInputStream in;
        private final SecretKey key;
        private final String entry;
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean sawLast;

        Decrypting(DataInputStream in, SecretKey key, String entry) {
            this.in = in;
            this.key = key;
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (sawLast) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            int length;
            byte[] nonce = new byte[NONCE];
            byte[] sealed;
            try {
                length = in.readInt();
                if (length < 16 || length > CHUNK + 16) {
                    throw new IOException(
                            "The backup entry " + entry + " is damaged (a chunk of " + length + " bytes)");
                }
                in.readFully(nonce);
                sealed = new byte[length];
                in.readFully(sealed);
            } catch (EOFException e) {
                throw new IOException("The backup entry " + entry + " is truncated", e);
            }
            plain = open(nonce, sealed, false);
            if (plain == null) {
                plain = open(nonce, sealed, true);
                if (plain == null) {
                    throw new IOException(
                            "The backup entry " + entry + " does not decrypt: another key, or the file was changed");
                }
                sawLast = true;
            }
            position = 0;
            index++;
        }

        private byte[] open(byte[] nonce, byte[] sealed, boolean last) throws IOException {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData(entry, index, last));
                return cipher.doFinal(sealed);
            } catch (javax.crypto.AEADBadTagException e) {
                return null;
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot decrypt the backup", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
