package io.openhire.modelserving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param modelDir where downloaded artifacts are kept (verified by SHA-256 on every load)
 * @param serve what is loaded at start and kept current: {@code model@alias} entries
 * @param workers inference threads per loaded model (each with one ONNX Runtime thread); default: cores
 * @param maxBatch the largest batch a worker runs
 * @param maxWait how long a worker waits for more inputs before running a batch that is not full
 * @param maxInputs the most texts in one request
 * @param maxInputChars the longest text accepted (the model reads its first tokens only)
 * @param reconcileInterval how often aliases are checked with the registry, besides model.promoted.v1 events
 * @param loadWait how long a request for a model not yet loaded waits before the fallback answers
 * @param fallbackDimensions the size of lexical fallback vectors when no model version is known
 * @param cache the result cache
 */
@ConfigurationProperties("openhire.model-serving")
public record ModelServingProperties(
        Path modelDir,
        List<String> serve,
        Integer workers,
        int maxBatch,
        Duration maxWait,
        int maxInputs,
        int maxInputChars,
        Duration reconcileInterval,
        Duration loadWait,
        int fallbackDimensions,
        Cache cache) {

    /**
     * @param maxEntries vectors kept in process (about 1.6 KB each for 384 dimensions)
     * @param redisUrl a shared second level, e.g. {@code redis://localhost:6379}; empty for none
     * @param redisTtl how long vectors stay in Redis
     */
    public record Cache(long maxEntries, String redisUrl, Duration redisTtl) {
        public Cache {
            maxEntries = maxEntries <= 0 ? 20_000 : maxEntries;
            redisTtl = redisTtl == null ? Duration.ofDays(7) : redisTtl;
        }
    }

    public ModelServingProperties {
        modelDir = modelDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "openhire-models") : modelDir;
        serve = serve == null ? List.of("text-embedding@champion", "text-embedding@challenger") : List.copyOf(serve);
        workers = workers == null || workers <= 0 ? Runtime.getRuntime().availableProcessors() : workers;
        maxBatch = maxBatch <= 0 ? 32 : maxBatch;
        maxWait = maxWait == null ? Duration.ofMillis(2) : maxWait;
        maxInputs = maxInputs <= 0 ? 256 : maxInputs;
        maxInputChars = maxInputChars <= 0 ? 20_000 : maxInputChars;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(30) : reconcileInterval;
        loadWait = loadWait == null ? Duration.ofSeconds(60) : loadWait;
        fallbackDimensions = fallbackDimensions <= 0 ? 384 : fallbackDimensions;
        cache = cache == null ? new Cache(0, null, null) : cache;
    }
}
