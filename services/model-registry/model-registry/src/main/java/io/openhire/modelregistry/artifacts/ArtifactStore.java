package io.openhire.modelregistry.artifacts;

import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import io.openhire.storage.client.StorageApi;
import io.openhire.storage.client.StorageBuckets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model artifacts in storage, as documents of the platform organisation in the {@code models} bucket:
 * {@code <model>.v<version>.artifact.<part>} in parts of a fixed size (storage encrypts a document in memory,
 * and an ONNX model can be hundreds of megabytes), and {@code <model>.v<version>.tokenizer.json}. Keys have
 * no slashes: an encoded slash in a URL path is refused by the servlet container.
 */
public class ArtifactStore {

    private final StorageApi storage;
    private final ServiceAccount serviceAccount;

    public ArtifactStore(StorageApi storage, ServiceAccount serviceAccount) {
        this.storage = storage;
        this.serviceAccount = serviceAccount;
    }

    /** Stores the artifact in parts of {@code partSize} bytes, and the tokenizer if there is one. */
    public void store(String model, int version, Path artifact, Path tokenizer, int partSize) {
        try (InputStream in = Files.newInputStream(artifact)) {
            int part = 0;
            byte[] chunk;
            do {
                chunk = in.readNBytes(partSize);
                if (chunk.length > 0 || part == 0) {
                    put(partKey(model, version, part), "application/octet-stream", chunk);
                }
                part++;
            } while (chunk.length == partSize);
            if (tokenizer != null) {
                put(tokenizerKey(model, version), "application/json", Files.readAllBytes(tokenizer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the artifact's parts, in order, to {@code out}. A part of the wrong size means the stored
     * artifact is damaged: the transfer is cut off at once rather than left short (readers also check the
     * SHA-256 of what they receive, which catches damage that keeps the size).
     */
    public void copyArtifact(String model, int version, long size, int partSize, OutputStream out) throws IOException {
        int parts = (int) Math.max(1, (size + partSize - 1) / partSize);
        for (int part = 0; part < parts; part++) {
            byte[] bytes = get(partKey(model, version, part));
            long expected = part < parts - 1 ? partSize : size - (long) partSize * (parts - 1);
            if (bytes.length != expected) {
                throw new IOException("Part " + part + " of " + model + " version " + version + " has " + bytes.length
                        + " bytes instead of " + expected + ": the stored artifact is damaged");
            }
            out.write(bytes);
        }
    }

    public byte[] tokenizer(String model, int version) {
        return get(tokenizerKey(model, version));
    }

    static String partKey(String model, int version, int part) {
        return "%s.v%d.artifact.%05d".formatted(model, version, part);
    }

    static String tokenizerKey(String model, int version) {
        return "%s.v%d.tokenizer.json".formatted(model, version);
    }

    private void put(String key, String mediaType, byte[] bytes) {
        serviceAccount.onBehalfOf(
                PlatformOrganization.ID, () -> storage.put(StorageBuckets.MODELS, key, mediaType, bytes));
    }

    private byte[] get(String key) {
        return serviceAccount.onBehalfOf(PlatformOrganization.ID, () -> storage.get(StorageBuckets.MODELS, key));
    }
}
