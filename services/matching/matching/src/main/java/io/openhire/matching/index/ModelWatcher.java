package io.openhire.matching.index;

import io.openhire.matching.MatchingProperties;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows model-serving's {@code text-embedding} champion: asks for its version at start, every
 * {@code model-check-interval} (every 5 s while no model answers) and soon after a promotion. A version other
 * than the serving generation's starts a build of a generation for it; with model-serving not reachable at
 * start, the first build runs without vectors.
 */
final class ModelWatcher {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);
    private static final Duration WHILE_NO_MODEL = Duration.ofSeconds(5);

    /** Starts a build for an embedding version unless one runs; false if none started. */
    @FunctionalInterface
    interface Builds {
        boolean start(int embeddingVersion, String reason);
    }

    private final Embeddings embeddings;
    private final MatchingProperties properties;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Generation> serving;
    private final Builds builds;
    private final Consumer<String> problems;
    private volatile boolean stopping;

    ModelWatcher(
            Embeddings embeddings,
            MatchingProperties properties,
            ScheduledExecutorService scheduler,
            Supplier<Generation> serving,
            Builds builds,
            Consumer<String> problems) {
        this.embeddings = embeddings;
        this.properties = properties;
        this.scheduler = scheduler;
        this.serving = serving;
        this.builds = builds;
        this.problems = problems;
    }

    void start() {
        scheduler.execute(this::check);
    }

    /** Checks now, besides the periodic checks (a promotion event arrived). */
    void checkSoon() {
        if (!stopping) {
            scheduler.execute(this::check);
        }
    }

    void stop() {
        stopping = true;
    }

    private void check() {
        Duration next = properties.modelCheckInterval();
        try {
            int version = embeddings.championVersion();
            Generation generation = serving.get();
            if (generation == null || generation.embeddingVersion() != version) {
                builds.start(
                        version, generation == null ? "start" : "text-embedding champion is now version " + version);
            }
            if (version == 0) {
                next = WHILE_NO_MODEL;
            }
        } catch (RuntimeException e) {
            problems.accept("model-serving: " + e.getMessage());
            log.info("Embedding model not reachable ({}); indexing without vectors for now", e.toString());
            if (serving.get() == null) {
                builds.start(0, "start, no embedding model reachable");
            }
            next = WHILE_NO_MODEL;
        }
        if (!stopping) {
            scheduler.schedule(this::check, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
