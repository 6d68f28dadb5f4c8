package io.openhire.matching.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openhire.matching.profiles.SourceChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer thread, and the generation that answers queries. Every change is applied here, one thread,
 * in batches (a burst of uploads is embedded in requests of {@code embedding-batch} and made searchable
 * with one refresh per organisation). While a build runs, the changes are also remembered; when the build
 * is complete they are replayed into the new generation, which then replaces the current one in one step.
 */
final class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    /** Queries that took a searcher from a replaced generation a moment ago finish within this. */
    private static final Duration CLOSE_REPLACED_AFTER = Duration.ofSeconds(30);

    private final ChangeApplier applier;
    private final VectorBackfill backfill;
    private final BooleanSupplier buildRunning;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Timer indexLag;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("matching-indexer").daemon(true).factory());
    /** Changes not yet applied; the indexer drains them in batches. */
    private final Queue<SourceChanged> pending = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Changes seen while a build runs; only the indexer thread touches it. */
    private final Set<SourceChanged> replay = new LinkedHashSet<>();

    private volatile Generation current;
    private volatile Instant currentBuiltAt;

    /**
     * @param buildRunning whether a build runs now (changes are then also kept for its replay)
     * @param scheduler closes a replaced generation a little later
     */
    Indexer(
            ChangeApplier applier,
            VectorBackfill backfill,
            BooleanSupplier buildRunning,
            ScheduledExecutorService scheduler,
            Clock clock,
            MeterRegistry meters) {
        this.applier = applier;
        this.backfill = backfill;
        this.buildRunning = buildRunning;
        this.scheduler = scheduler;
        this.clock = clock;
        this.indexLag = Timer.builder("openhire.matching.index.lag")
                .description("From a resume's parse (resume.parsed.v1) to searchable in the match index")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** The generation that answers queries, or null before the first build is complete. */
    Generation current() {
        return current;
    }

    Instant currentBuiltAt() {
        return currentBuiltAt;
    }

    int pendingChanges() {
        return pending.size();
    }

    /** Runs a task on the indexer thread (the only one that writes to the index). */
    void execute(Runnable task) {
        thread.execute(task);
    }

    /** Queues a change; the indexer applies everything queued so far as one batch. */
    void changed(SourceChanged change) {
        pending.add(change);
        if (drainScheduled.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    /**
     * A build is complete: on the indexer thread, the changes made during the build go into it, then it
     * replaces the current generation.
     *
     * @param switched runs on the indexer thread once the new generation serves
     */
    void switchTo(Generation next, Runnable switched) {
        thread.execute(() -> {
            backfill.forgetAll(); // the build embedded everything it read; the replay below re-adds what fails
            applier.apply(next, List.copyOf(replay));
            replay.clear();
            next.refreshAll();
            Generation old = current;
            current = next;
            currentBuiltAt = clock.instant();
            switched.run();
            log.info("Match index {} serves now (embedding version {})", next.id(), next.embeddingVersion());
            if (old != null) {
                scheduler.schedule(old::closeQuietly, CLOSE_REPLACED_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * A build was given up: on the indexer thread, the changes kept for it are dropped.
     *
     * @param dropped runs on the indexer thread after that
     */
    void buildFailed(Runnable dropped) {
        thread.execute(() -> {
            replay.clear();
            dropped.run();
        });
    }

    /** On the indexer thread: the documents again, now with their stored vectors (if still current). */
    void vectorsStored(Generation generation, List<SourceChanged> keys) {
        if (generation != current) {
            return; // replaced meanwhile; the new generation embedded for itself
        }
        keys.forEach(backfill::forget);
        applier.apply(generation, keys);
    }

    /** On the indexer thread: applies these documents again, with whatever else is queued. */
    void reapply(List<SourceChanged> keys) {
        pending.addAll(keys);
        drain();
    }

    /** Applies nothing more, and closes the generation that served. */
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
        Generation last = current;
        if (last != null) {
            last.closeQuietly();
        }
    }

    /** On the indexer thread: everything queued so far, as one batch. */
    private void drain() {
        drainScheduled.set(false);
        List<SourceChanged> batch = new ArrayList<>();
        for (SourceChanged change = pending.poll(); change != null; change = pending.poll()) {
            batch.add(change);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<SourceChanged> keys =
                batch.stream().map(SourceChanged::key).distinct().toList();
        if (buildRunning.getAsBoolean()) {
            replay.addAll(keys);
        }
        Generation generation = current;
        if (generation == null) {
            return; // the first build reads the tables, these changes included
        }
        applier.apply(generation, keys);
        Instant now = clock.instant();
        for (SourceChanged change : batch) {
            if (change.occurredAt() != null) {
                // From the upstream event (a resume's parse finished) to searchable here.
                indexLag.record(Duration.between(change.occurredAt(), now));
            }
        }
    }
}
