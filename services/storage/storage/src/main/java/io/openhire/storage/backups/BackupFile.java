package io.openhire.storage.backups;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.crypto.SecretKey;

/**
 * A backup on disk: a ZIP whose every entry is encrypted on its own ({@link ChunkedAead}), so one entry (the
 * manifest, one table) can be read without the rest. Entries ending in {@code .gz} were compressed before they were
 * encrypted (tables); the object store's entries are already encrypted by storage and are not.
 *
 * <pre>
 * manifest.json                        what is in it (BackupManifest)
 * db/&lt;service&gt;/&lt;table&gt;.copy.gz         PostgreSQL's binary COPY of the table
 * objects/&lt;organisation&gt;/&lt;bucket&gt;/…     the object store's bytes, as stored
 * secrets/&lt;file&gt;                       the all-in-one's keys, without which the rest cannot be read
 * </pre>
 */
public final class BackupFile {

    public static final String MANIFEST = "manifest.json";
    public static final String SUFFIX = ".ohbackup";

    private BackupFile() {}

    /** Writes entries one after the other. */
    public static final class Writer implements AutoCloseable {
        private final ZipOutputStream zip;
        private final SecretKey key;

        public Writer(Path file, SecretKey key) throws IOException {
            this.zip = new ZipOutputStream(Files.newOutputStream(file));
            this.zip.setLevel(Deflater.NO_COMPRESSION); // encrypted bytes do not compress
            this.key = key;
        }

        /** The entry's plaintext goes into the stream; closing it ends the entry. */
        public OutputStream entry(String name) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            OutputStream keepZipOpen = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    zip.closeEntry();
                }
            };
            OutputStream encrypted = ChunkedAead.encrypting(keepZipOpen, key, name);
            OutputStream plain = name.endsWith(".gz") ? new GZIPOutputStream(encrypted, 64 * 1024) : encrypted;
            return new FilterOutputStream(plain) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    out.close(); // gzip trailer, then the last chunk
                    keepZipOpen.close();
                }
            };
        }

        public void entry(String name, byte[] content) throws IOException {
            try (OutputStream out = entry(name)) {
                out.write(content);
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Reads entries in any order. */
    public static final class Reader implements AutoCloseable {
        private final ZipFile zip;
        private final SecretKey key;

        public Reader(Path file, SecretKey key) throws IOException {
            this.zip = new ZipFile(file.toFile());
            this.key = key;
        }

        public boolean has(String name) {
            return zip.getEntry(name) != null;
        }

        public InputStream open(String name) throws IOException {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException("The backup has no " + name);
            }
            InputStream plain = ChunkedAead.decrypting(zip.getInputStream(entry), key, name);
            return name.endsWith(".gz") ? new GZIPInputStream(plain, 64 * 1024) : plain;
        }

        public byte[] read(String name) throws IOException {
            try (InputStream in = open(name)) {
                return in.readAllBytes();
            }
        }

        /** Entry names under {@code prefix}, in the file's order. */
        public List<String> names(String prefix) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith(prefix))
                    .toList();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
