package io.openhire.storage.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup file reads back exactly what was written, and only with its key, whole and unchanged. */
class BackupFileTest {

    static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");
    static final SecretKeySpec OTHER_KEY = new SecretKeySpec(filled(32, (byte) 7), "AES");

    @TempDir
    Path dir;

    @Test
    void entriesOfManyChunksEmptyOnesAndCompressedOnesReadBackExactly() throws IOException {
        byte[] large = new byte[3 * ChunkedAead.CHUNK + 12345];
        new Random(1).nextBytes(large);
        byte[] exactlyTwoChunks = filled(2 * ChunkedAead.CHUNK, (byte) 'x');
        Path file = dir.resolve("b.ohbackup");
        try (BackupFile.Writer writer = new BackupFile.Writer(file, KEY)) {
            writer.entry("objects/large", large);
            writer.entry("db/s/t.copy.gz", exactlyTwoChunks);
            writer.entry("empty", new byte[0]);
            try (OutputStream out = writer.entry("bytes-one-by-one")) {
                for (int i = 0; i < 1000; i++) {
                    out.write(i);
                }
            }
        }

        try (BackupFile.Reader reader = new BackupFile.Reader(file, KEY)) {
            assertThat(reader.read("objects/large")).isEqualTo(large);
            assertThat(reader.read("db/s/t.copy.gz")).isEqualTo(exactlyTwoChunks);
            assertThat(reader.read("empty")).isEmpty();
            assertThat(reader.read("bytes-one-by-one")).hasSize(1000);
            assertThat(reader.names("objects/")).containsExactly("objects/large");
        }
        // compressed before encrypting: two chunks of one letter take far less than two chunks
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("db/s/t.copy.gz").getSize()).isLessThan(ChunkedAead.CHUNK / 10);
        }
    }

    @Test
    void anotherKeyReadsNothing() throws IOException {
        Path file = write("manifest.json", "{\"secret\":true}".getBytes());

        try (BackupFile.Reader reader = new BackupFile.Reader(file, OTHER_KEY)) {
            assertThatThrownBy(() -> reader.read("manifest.json"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("does not decrypt");
        }
    }

    @Test
    void anEntryCutShortOrWithItsLastChunkDroppedIsRefused() throws IOException {
        byte[] content = filled(ChunkedAead.CHUNK + 10, (byte) 1);
        byte[] sealed = sealedEntry("objects/a", content);
        int firstChunk = 4 + 12 + ChunkedAead.CHUNK + 16;

        // the first chunk alone: a reader that stopped there would take half a file for all of it
        assertThatThrownBy(() -> readRaw("objects/a", java.util.Arrays.copyOf(sealed, firstChunk)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> readRaw("objects/a", java.util.Arrays.copyOf(sealed, sealed.length - 5)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anEntryMovedUnderAnotherNameOrChangedIsRefused() throws IOException {
        byte[] sealed = sealedEntry("secrets/storage.key", "key bytes".getBytes());

        assertThatThrownBy(() -> readRaw("secrets/identity.key", sealed)).hasMessageContaining("does not decrypt");
        byte[] changed = sealed.clone();
        changed[changed.length - 20] ^= 1;
        assertThatThrownBy(() -> readRaw("secrets/storage.key", changed)).hasMessageContaining("does not decrypt");
        assertThat(readRaw("secrets/storage.key", sealed)).isEqualTo("key bytes".getBytes());
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve("one.ohbackup");
        try (BackupFile.Writer writer = new BackupFile.Writer(file, KEY)) {
            writer.entry(name, content);
        }
        return file;
    }

    private byte[] sealedEntry(String name, byte[] content) throws IOException {
        try (ZipFile zip = new ZipFile(write(name, content).toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /** The raw sealed bytes placed into a backup under {@code name}, then read as the reader would. */
    private byte[] readRaw(String name, byte[] sealed) throws IOException {
        Path file = dir.resolve("raw-" + System.nanoTime() + ".ohbackup");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(sealed);
            zip.closeEntry();
        }
        try (BackupFile.Reader reader = new BackupFile.Reader(file, KEY)) {
            return reader.read(name);
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
