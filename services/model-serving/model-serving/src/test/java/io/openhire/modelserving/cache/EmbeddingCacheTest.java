package io.openhire.modelserving.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.modelserving.ModelServingProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two cache levels; the shared one against this machine's Redis when it runs (distributed mode). */
class EmbeddingCacheTest {

    static final String REDIS = "redis://127.0.0.1:6379";

    static boolean redisRuns() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theProcessLevelAnswersRepeatsAndForgetsWhenCleared() {
        try (EmbeddingCache cache = new EmbeddingCache(new ModelServingProperties.Cache(100, null, null))) {
            String key = EmbeddingCache.key("text-embedding", 1, "Java developer");
            assertThat(cache.getAll(List.of(key))).isEmpty();
            cache.putAll(Map.of(key, new EmbeddingCache.Entry(new float[] {0.6f, 0.8f}, true)));
            EmbeddingCache.Entry hit = cache.getAll(List.of("other", key)).get(1);
            assertThat(hit.vector()).containsExactly(0.6f, 0.8f);
            assertThat(hit.truncated()).isTrue();
            // Another version of the model never shares vectors.
            assertThat(cache.getAll(List.of(EmbeddingCache.key("text-embedding", 2, "Java developer"))))
                    .isEmpty();
            assertThat(cache.stats().hits()).isEqualTo(1);
            cache.clear(false);
            assertThat(cache.getAll(List.of(key))).isEmpty();
        }
    }

    @Test
    void anotherInstanceFindsVectorsInTheSharedRedisLevel() {
        assumeTrue(redisRuns(), "Redis is not running on 127.0.0.1:6379: the shared cache level is not tested here");
        ModelServingProperties.Cache redis = new ModelServingProperties.Cache(100, REDIS, Duration.ofMinutes(5));
        String key = EmbeddingCache.key("text-embedding", 1, "unique " + UUID.randomUUID());
        try (EmbeddingCache first = new EmbeddingCache(redis);
                EmbeddingCache second = new EmbeddingCache(redis)) {
            first.putAll(Map.of(key, new EmbeddingCache.Entry(new float[] {1f, 0f, -0.5f}, false)));
            EmbeddingCache.Entry shared = second.getAll(List.of(key)).get(0);
            assertThat(shared.vector()).containsExactly(1f, 0f, -0.5f);
            assertThat(second.stats().sharedHits()).isEqualTo(1);
            assertThat(second.clear(true)).isPositive();
            assertThat(new EmbeddingCache(redis).getAll(List.of(key))).isEmpty();
        }
    }

    @Test
    void anUnreachableRedisNeverFailsALookup() {
        try (EmbeddingCache cache =
                new EmbeddingCache(new ModelServingProperties.Cache(100, "redis://127.0.0.1:1", null))) {
            String key = EmbeddingCache.key("text-embedding", 1, "text");
            cache.putAll(Map.of(key, new EmbeddingCache.Entry(new float[] {1f}, false)));
            assertThat(cache.getAll(List.of(key))).hasSize(1);
            assertThat(cache.getAll(List.of("missing"))).isEmpty();
            assertThat(cache.stats().sharedErrors()).isPositive();
        }
    }
}
