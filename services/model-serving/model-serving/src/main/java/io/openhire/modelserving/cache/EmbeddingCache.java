package io.openhire.modelserving.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.openhire.modelserving.ModelServingProperties;
import io.openhire.platform.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings by (model, version, SHA-256 of the text): in process (Caffeine) always, and in Redis as a
 * shared second level when a Redis URL is configured (distributed mode: every instance profits from the
 * others' work). Redis trouble never fails a prediction: it is counted and skipped.
 */
public class EmbeddingCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final String PREFIX = "openhire:embedding:";

    /** A cached vector and whether its text had been truncated. */
    public record Entry(float[] vector, boolean truncated) {}

    public record Stats(
            long size,
            long maxEntries,
            long hits,
            long misses,
            double hitRate,
            boolean sharedLevel,
            long sharedHits,
            long sharedMisses,
            long sharedErrors) {}

    private final Cache<String, Entry> local;
    private final long maxEntries;
    private final RedisClient redis;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile long nextConnectAttempt;
    private final Duration ttl;
    private final AtomicLong sharedHits = new AtomicLong();
    private final AtomicLong sharedMisses = new AtomicLong();
    private final AtomicLong sharedErrors = new AtomicLong();

    public EmbeddingCache(ModelServingProperties.Cache properties) {
        this.maxEntries = properties.maxEntries();
        this.local = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
        this.ttl = properties.redisTtl();
        String url = properties.redisUrl();
        redis = url == null || url.isBlank() ? null : RedisClient.create(url);
        if (redis != null) {
            redis.setDefaultTimeout(Duration.ofMillis(500));
            log.info("Embedding cache: shared level in Redis enabled");
        }
    }

    /** The Redis connection, made on first use (and again at most every 30 s while Redis is away). */
    private StatefulRedisConnection<byte[], byte[]> shared() {
        if (redis == null || connection != null) {
            return connection;
        }
        synchronized (this) {
            if (connection == null && System.nanoTime() - nextConnectAttempt >= 0) {
                try {
                    connection = redis.connect(ByteArrayCodec.INSTANCE);
                } catch (RuntimeException e) {
                    nextConnectAttempt =
                            System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    sharedFailed(e);
                }
            }
            return connection;
        }
    }

    public static String key(String model, int version, String text) {
        return model + ":" + version + ":" + Sha256.hex(text);
    }

    /** The cached entries among {@code keys}, by index; looks in Redis for what the process lacks. */
    public Map<Integer, Entry> getAll(List<String> keys) {
        Map<Integer, Entry> found = new HashMap<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Entry entry = local.getIfPresent(keys.get(i));
            if (entry != null) {
                found.put(i, entry);
            } else {
                missing.add(i);
            }
        }
        StatefulRedisConnection<byte[], byte[]> connection = missing.isEmpty() ? null : shared();
        if (connection != null) {
            try {
                byte[][] redisKeys = missing.stream()
                        .map(i -> (PREFIX + keys.get(i)).getBytes(StandardCharsets.UTF_8))
                        .toArray(byte[][]::new);
                List<KeyValue<byte[], byte[]>> values = connection.sync().mget(redisKeys);
                for (int j = 0; j < values.size(); j++) {
                    KeyValue<byte[], byte[]> value = values.get(j);
                    if (value.hasValue()) {
                        Entry entry = decode(value.getValue());
                        found.put(missing.get(j), entry);
                        local.put(keys.get(missing.get(j)), entry);
                        sharedHits.incrementAndGet();
                    } else {
                        sharedMisses.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                sharedFailed(e);
            }
        }
        return found;
    }

    public void putAll(Map<String, Entry> entries) {
        local.putAll(entries);
        StatefulRedisConnection<byte[], byte[]> connection = entries.isEmpty() ? null : shared();
        if (connection != null) {
            try {
                var async = connection.async();
                List<io.lettuce.core.RedisFuture<String>> writes = new ArrayList<>();
                for (Map.Entry<String, Entry> e : entries.entrySet()) {
                    writes.add(async.setex(
                            (PREFIX + e.getKey()).getBytes(StandardCharsets.UTF_8),
                            ttl.toSeconds(),
                            encode(e.getValue())));
                }
                for (var write : writes) {
                    write.get(1, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                sharedFailed(e);
            }
        }
    }

    /** Empties this process's level; with {@code shared}, also every instance's vectors in Redis. */
    public long clear(boolean shared) {
        long removed = local.estimatedSize();
        local.invalidateAll();
        StatefulRedisConnection<byte[], byte[]> connection = shared ? shared() : null;
        if (connection != null) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<byte[]> page = connection
                        .sync()
                        .scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(1000));
                if (!page.getKeys().isEmpty()) {
                    removed += connection.sync().del(page.getKeys().toArray(byte[][]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
        return removed;
    }

    public Stats stats() {
        CacheStats stats = local.stats();
        return new Stats(
                local.estimatedSize(),
                maxEntries,
                stats.hitCount(),
                stats.missCount(),
                stats.hitRate(),
                redis != null,
                sharedHits.get(),
                sharedMisses.get(),
                sharedErrors.get());
    }

    private void sharedFailed(Exception e) {
        if (sharedErrors.incrementAndGet() % 1000 == 1) {
            log.warn(
                    "Embedding cache: Redis unavailable ({}), using the in-process level only",
                    e.getClass().getSimpleName());
        }
    }

    static byte[] encode(Entry entry) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 * entry.vector().length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) (entry.truncated() ? 1 : 0));
        for (float v : entry.vector()) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    static Entry decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean truncated = buffer.get() == 1;
        float[] vector = new float[(bytes.length - 1) / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return new Entry(vector, truncated);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (redis != null) {
            redis.shutdown();
        }
    }
}
