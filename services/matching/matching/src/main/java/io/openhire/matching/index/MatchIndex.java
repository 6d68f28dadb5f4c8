package io.openhire.matching.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.openhire.matching.MatchingProperties;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import io.openhire.platform.errors.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index: the current {@link Generation}, kept in step with this service's tables, and the
 * next one while it is built. What the rest of the service uses; the work is done by its parts:
 *
 * <ul>
 *   <li>{@link Indexer}: every change ({@link SourceChanged}, after its transaction committed) is applied by
 *       one indexer thread, which reads the row as it is now ({@link ChangeApplier}): applying a change twice
 *       or late is harmless.
 *   <li>{@link IndexBuilder}: a build (at start, when the text-embedding champion changes, or on request)
 *       fills a new generation from the tables on a thread of its own, while the indexer keeps the current
 *       one serving and records what changed meanwhile; the indexer then replays those changes into the new
 *       generation and switches to it in one step. Until then the old generation answers.
 *   <li>{@link VectorBackfill}: a change is searchable by its words (and every category but semantic
 *       similarity) as soon as the indexer has it; its vector is computed by a separate embedder thread and
 *       added a moment later. A vector that cannot be had (model-serving away) is retried every 10 s.
 *   <li>{@link ModelWatcher}: follows the text-embedding champion and starts the builds for it.
 * </ul>
 */
@Component
public class MatchIndex {

    /** What a build is doing, for the status API. */
    public record Build(String generationId, int embeddingVersion, String reason, Instant startedAt, int done) {}

    /**
     * @param pendingChanges changes waiting for the indexer
     * @param pendingVectors resumes and jobs indexed without their vector, to be retried
     */
    public record Status(
            String state,
            String generationId,
            Integer embeddingVersion,
            Instant generationBuiltAt,
            Build building,
            int pendingChanges,
            int pendingVectors,
            String lastProblem) {}

    private final MatchingProperties properties;
    /** Model checks, vector retries and closing replaced generations: short tasks, one thread. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matching-index-builds").daemon(true).factory());

    private final VectorBackfill backfill;
    private final IndexBuilder builder;
    private final Indexer indexer;
    private final ModelWatcher watcher;

    private volatile String lastProblem;

    MatchIndex(
            CandidateStore candidates,
            JobStore jobs,
            Embeddings embeddings,
            JsonMapper json,
            MatchingProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.properties = properties;
        this.backfill = new VectorBackfill(embeddings, properties, this::problem);
        this.builder = new IndexBuilder(candidates, jobs, embeddings, json, properties, clock, this::problem);
        ChangeApplier applier = new ChangeApplier(candidates, jobs, embeddings, backfill, json);
        this.indexer = new Indexer(applier, backfill, () -> builder.running() != null, scheduler, clock, meters);
        this.watcher =
                new ModelWatcher(embeddings, properties, scheduler, indexer::current, this::startBuild, this::problem);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            Generation.deleteTree(properties.indexDir()); // the tables are the truth; last run's files are stale
            Files.createDirectories(properties.indexDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        watcher.start();
        backfill.start(indexer, scheduler);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        watcher.stop();
        builder.stop();
        backfill.stop();
        scheduler.shutdownNow();
        indexer.stop();
    }

    /**
     * The generation that answers queries.
     *
     * @throws DomainException (unavailable, retry after 5 s) until the first build after a start is complete
     */
    public Generation current() {
        Generation generation = indexer.current();
        if (generation == null) {
            throw new DomainException(
                            DomainException.Category.UNAVAILABLE,
                            "index-starting",
                            "Index starting",
                            "The match index is being built after a start; try again in a few seconds.")
                    .with("retryAfterSeconds", 5);
        }
        return generation;
    }

    public Status status() {
        Generation generation = indexer.current();
        Build build = builder.running();
        return new Status(
                generation == null ? "STARTING" : build == null ? "READY" : "REBUILDING",
                generation == null ? null : generation.id(),
                generation == null ? null : generation.embeddingVersion(),
                indexer.currentBuiltAt(),
                build,
                indexer.pendingChanges(),
                backfill.waiting(),
                lastProblem);
    }

    /** The organisation's resumes and jobs in the generation that answers now: {candidates, jobs}. */
    public int[] indexedCounts(UUID organizationId) {
        Generation generation = indexer.current();
        if (generation == null) {
            return new int[] {0, 0};
        }
        return generation
                .existing(organizationId)
                .map(index ->
                        new int[] {index.candidates().count(), index.jobs().count()})
                .orElse(new int[] {0, 0});
    }

    @EventListener
    void changed(SourceChanged change) {
        indexer.changed(change);
    }

    /**
     * After the changes queued so far (the erased resumes' deletions), removes the organisation's deleted candidate
     * documents from the serving generation's files as well ({@link OrgIndex.Side#expungeDeletes}): a data subject's
     * erasure. A generation being built meanwhile gets the deletions replayed into it, not expunged: its files last
     * until the next build (every start rebuilds from the tables).
     */
    public void expungeDeletedCandidates(UUID organizationId) {
        indexer.execute(() -> {
            Generation generation = indexer.current();
            if (generation != null) {
                generation.existing(organizationId).ifPresent(index -> {
                    index.candidates().expungeDeletes();
                    index.candidates().refresh();
                });
            }
        });
    }

    /** Asks model-serving for the embedding champion now (a promotion event arrived). */
    public void checkModelSoon() {
        watcher.checkSoon();
    }

    /**
     * Rebuilds every organisation's index from the tables, with the current embedding version.
     *
     * @return false if a build is already running
     */
    public boolean rebuild(String reason) {
        Generation generation = indexer.current();
        return startBuild(generation == null ? 0 : generation.embeddingVersion(), reason);
    }

    /** A build whose generation the indexer switches to when complete; false if one runs already. */
    private boolean startBuild(int embeddingVersion, String reason) {
        return builder.start(
                embeddingVersion,
                reason,
                next -> indexer.switchTo(next, builder::finished),
                () -> indexer.buildFailed(builder::finished));
    }

    private void problem(String problem) {
        lastProblem = problem;
    }
}
