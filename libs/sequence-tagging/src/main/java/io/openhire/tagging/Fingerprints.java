package io.openhire.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Fingerprints of training examples (a sentence's words, a resume's text): the first 16 hex digits of a
 * SHA-256, enough to tell whether a model trained on an example (2^-64 chance of a false match) without shipping
 * the examples. A model ships with the fingerprints of what it trained on, so that it is compared with a new
 * version only on examples it never saw.
 */
public final class Fingerprints {

    private Fingerprints() {}

    public static String of(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One fingerprint per line, as {@link #write} makes them. */
    public static Set<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            Set<String> fingerprints = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(line -> {
                if (!line.isBlank()) {
                    fingerprints.add(line.strip());
                }
            });
            return fingerprints;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Sorted, one per line: the same examples always write the same file. */
    public static String write(Set<String> fingerprints) {
        return String.join("\n", new java.util.TreeSet<>(fingerprints)) + "\n";
    }
}
