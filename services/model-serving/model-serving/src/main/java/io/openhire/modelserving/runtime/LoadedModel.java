package io.openhire.modelserving.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One model version in memory: its embedder and batcher. Requests hold a read lock while they run, and
 * {@link #unload()} takes the write lock: a model swapped out finishes what it has in flight, then closes.
 */
public final class LoadedModel {

    /** The model was unloaded between lookup and use: look it up again. */
    public static final class Unloaded extends RuntimeException {
        Unloaded() {
            super("model unloaded", null, false, false);
        }
    }

    /** Embeddings for a list of texts, and which of them were truncated. */
    public record Embedded(float[][] vectors, boolean[] truncated) {}

    private final String name;
    private final int version;
    private final String sha256;
    private final OnnxEmbedder embedder;
    private final MicroBatcher batcher;
    private final Instant loadedAt;
    private final Duration loadTime;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean unloaded;

    public LoadedModel(
            String name,
            int version,
            String sha256,
            OnnxEmbedder embedder,
            MicroBatcher batcher,
            Instant loadedAt,
            Duration loadTime) {
        this.name = name;
        this.version = version;
        this.sha256 = sha256;
        this.embedder = embedder;
        this.batcher = batcher;
        this.loadedAt = loadedAt;
        this.loadTime = loadTime;
    }

    public Embedded embed(List<String> texts) {
        lock.readLock().lock();
        try {
            if (unloaded) {
                throw new Unloaded();
            }
            boolean[] truncated = new boolean[texts.size()];
            List<CompletableFuture<float[]>> futures = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                OnnxEmbedder.Encoded encoded = embedder.encode(texts.get(i));
                truncated[i] = encoded.truncated();
                futures.add(batcher.submit(encoded));
            }
            float[][] vectors = new float[texts.size()][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = futures.get(i).join();
            }
            return new Embedded(vectors, truncated);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Waits for requests in flight, then frees the model's memory. */
    public void unload() {
        lock.writeLock().lock();
        try {
            if (!unloaded) {
                unloaded = true;
                batcher.close();
                embedder.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String sha256() {
        return sha256;
    }

    public OnnxEmbedder.Config config() {
        return embedder.config();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Duration loadTime() {
        return loadTime;
    }

    public int queued() {
        return batcher.queued();
    }
}
