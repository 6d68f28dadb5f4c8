package io.openhire.matching.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openhire.matching.MatchingProperties;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import io.openhire.platform.web.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index: the current {@link Generation}, kept in step with this service's tables, and the
 * next one while it is built.
 *
 * <ul>
 *   <li>Every change ({@link SourceChanged}, after its transaction committed) is applied by one indexer
 *       thread, which reads the row as it is now: applying a change twice or late is harmless.
 *   <li>A build (at start, when the text-embedding champion changes, or on request) fills a new
 *       generation from the tables on a thread of its own, while the indexer keeps the current one
 *       serving and records what changed meanwhile; the indexer then replays those changes into the new
 *       generation and switches to it in one step. Until then the old generation answers.
 *   <li>A change is searchable by its words (and every category but semantic similarity) as soon as the
 *       indexer has it; its vector is computed by a separate embedder thread and added a moment later, so
 *       that a burst of uploads never waits behind the embedding model. A vector that cannot be had
 *       (model-serving away) is retried every 10 s.
 * </ul>
 */
@Component
public class MatchIndex {

    private static final Logger log = LoggerFactory.getLogger(MatchIndex.class);
    private static final int PAGE = 200;
    private static final Duration RETRY = Duration.ofSeconds(10);

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

    private final CandidateStore candidates;
    private final JobStore jobs;
    private final Embeddings embeddings;
    private final JsonMapper json;
    private final MatchingProperties properties;
    private final Clock clock;

    private final ExecutorService indexer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("matching-indexer").daemon(true).factory());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matching-index-builds").daemon(true).factory());

    private volatile Generation current;
    private volatile Instant currentBuiltAt;
    private volatile Build building;
    private volatile String lastProblem;
    private volatile boolean closing;
    /** Changes seen while a build runs; only the indexer thread touches it. */
    private final Set<SourceChanged> replay = new LinkedHashSet<>();
    /** Changes indexed without their vector; only the indexer thread touches it. */
    private final Set<SourceChanged> withoutVector = new LinkedHashSet<>();

    private final AtomicInteger generations = new AtomicInteger();
    /** Texts waiting for their vector (see {@link #embedLoop()}). */
    private final LinkedBlockingQueue<ToEmbed> toEmbed = new LinkedBlockingQueue<>();
    /** Changes not yet applied; the indexer drains them in batches. */
    private final Queue<SourceChanged> pending = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private final Timer indexLag;

    MatchIndex(
            CandidateStore candidates,
            JobStore jobs,
            Embeddings embeddings,
            JsonMapper json,
            MatchingProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.indexLag = Timer.builder("openhire.matching.index.lag")
                .description("From a resume's parse (resume.parsed.v1) to searchable in the match index")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.candidates = candidates;
        this.jobs = jobs;
        this.embeddings = embeddings;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            Generation.deleteTree(properties.indexDir()); // the tables are the truth; last run's files are stale
            Files.createDirectories(properties.indexDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheduler.execute(this::checkModel);
        Thread.ofPlatform().name("matching-embedder").daemon(true).start(this::embedLoop);
        scheduler.scheduleWithFixedDelay(
                this::retryWithoutVector, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        closing = true;
        scheduler.shutdownNow();
        indexer.shutdown();
        indexer.awaitTermination(10, TimeUnit.SECONDS);
        Generation last = current;
        if (last != null) {
            try {
                last.close();
            } catch (IOException e) {
                log.warn("Closing the index: {}", e.toString());
            }
        }
    }

    /** The generation that answers queries. */
    public Generation current() {
        Generation generation = current;
        if (generation == null) {
            throw new ProblemException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "index-starting",
                            "Index starting",
                            "The match index is being built after a start; try again in a few seconds.")
                    .with("retryAfterSeconds", 5);
        }
        return generation;
    }

    public Status status() {
        Generation generation = current;
        Build build = building;
        return new Status(
                generation == null ? "STARTING" : build == null ? "READY" : "REBUILDING",
                generation == null ? null : generation.id(),
                generation == null ? null : generation.embeddingVersion(),
                currentBuiltAt,
                build,
                pending.size(),
                toEmbed.size() + withoutVector.size(),
                lastProblem);
    }

    /** The organisation's resumes and jobs in the generation that answers now: {candidates, jobs}. */
    public int[] indexedCounts(UUID organizationId) {
        Generation generation = current;
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
        pending.add(change);
        if (drainScheduled.compareAndSet(false, true)) {
            indexer.execute(this::drain);
        }
    }

    /** Asks model-serving for the embedding champion now (a promotion event arrived). */
    public void checkModelSoon() {
        if (!closing) {
            scheduler.execute(this::checkModel);
        }
    }

    /**
     * Rebuilds every organisation's index from the tables, with the current embedding version.
     *
     * @return false if a build is already running
     */
    public synchronized boolean rebuild(String reason) {
        if (building != null || closing) {
            return false;
        }
        Generation generation = current;
        int version = generation == null ? 0 : generation.embeddingVersion();
        startBuild(version, reason);
        return true;
    }

    private void checkModel() {
        Duration next = properties.modelCheckInterval();
        try {
            int version = embeddings.championVersion();
            Generation generation = current;
            synchronized (this) {
                if (building == null && (generation == null || generation.embeddingVersion() != version) && !closing) {
                    startBuild(
                            version,
                            generation == null ? "start" : "text-embedding champion is now version " + version);
                }
            }
            if (version == 0) {
                next = Duration.ofSeconds(5);
            }
        } catch (RuntimeException e) {
            lastProblem = "model-serving: " + e.getMessage();
            log.info("Embedding model not reachable ({}); indexing without vectors for now", e.toString());
            synchronized (this) {
                if (current == null && building == null && !closing) {
                    startBuild(0, "start, no embedding model reachable");
                }
            }
            next = Duration.ofSeconds(5);
        }
        if (!closing) {
            scheduler.schedule(this::checkModel, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Called with the monitor held. */
    private void startBuild(int version, String reason) {
        String id = "g" + generations.incrementAndGet() + "-e" + version;
        Build build = new Build(id, version, reason, clock.instant(), 0);
        building = build;
        Thread.ofPlatform().name("matching-index-build").daemon(true).start(() -> runBuild(build));
    }

    private void runBuild(Build build) {
        Generation next = new Generation(
                build.generationId(),
                build.embeddingVersion(),
                properties.indexDir().resolve(build.generationId()));
        try {
            log.info("Building match index {} ({})", build.generationId(), build.reason());
            for (UUID org : jobs.organizations()) {
                OrgIndex index = next.org(org);
                candidates.forEach(org, PAGE, page -> {
                    Map<UUID, String> texts = new LinkedHashMap<>();
                    page.forEach(
                            c -> texts.put(c.facts().resumeId(), Embeddings.candidateText(c.facts(), c.searchText())));
                    Map<UUID, float[]> vectors =
                            embeddings.vectors(org, SourceChanged.Kind.RESUME, build.embeddingVersion(), texts);
                    page.forEach(c -> index.candidates()
                            .upsert(
                                    c.facts().resumeId(),
                                    IndexFields.candidate(
                                            c.facts(),
                                            c.searchText(),
                                            vectors.get(c.facts().resumeId()),
                                            json)));
                    progress(page.size());
                });
                jobs.forEach(org, PAGE, page -> {
                    Map<UUID, String> texts = new LinkedHashMap<>();
                    page.forEach(j -> texts.put(j.facts().jobId(), Embeddings.jobText(j)));
                    Map<UUID, float[]> vectors =
                            embeddings.vectors(org, SourceChanged.Kind.JOB, build.embeddingVersion(), texts);
                    page.forEach(j -> index.jobs()
                            .upsert(
                                    j.facts().jobId(),
                                    IndexFields.job(
                                            j.facts(),
                                            j.searchText(),
                                            vectors.get(j.facts().jobId()),
                                            json)));
                    progress(page.size());
                });
                if (closing) {
                    throw new IllegalStateException("stopping");
                }
            }
            indexer.execute(() -> switchTo(next));
        } catch (RuntimeException e) {
            lastProblem = "index build " + build.generationId() + ": " + e.getMessage();
            log.warn("Match index build {} failed: {}", build.generationId(), e.toString());
            closeQuietly(next);
            indexer.execute(() -> {
                replay.clear();
                building = null;
            });
        }
    }

    private void progress(int docs) {
        Build build = building;
        if (build != null) {
            building = new Build(
                    build.generationId(),
                    build.embeddingVersion(),
                    build.reason(),
                    build.startedAt(),
                    build.done() + docs);
        }
    }

    /** On the indexer thread: the changes made during the build, then the switch. */
    private void switchTo(Generation next) {
        withoutVector.clear(); // the build embedded everything it read; the replay below re-adds what fails
        applyBatch(next, List.copyOf(replay));
        replay.clear();
        next.refreshAll();
        Generation old = current;
        current = next;
        currentBuiltAt = clock.instant();
        building = null;
        log.info("Match index {} serves now (embedding version {})", next.id(), next.embeddingVersion());
        if (old != null) {
            // Queries that took a searcher from the old generation a moment ago finish first.
            scheduler.schedule(() -> closeQuietly(old), 30, TimeUnit.SECONDS);
        }
    }

    /**
     * On the indexer thread: everything queued so far, as one batch (a burst of uploads is embedded in
     * requests of {@code embedding-batch} and made searchable with one refresh per organisation, instead of
     * one request and one refresh per resume).
     */
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
        if (building != null) {
            replay.addAll(keys);
        }
        Generation generation = current;
        if (generation == null) {
            return; // the first build reads the tables, these changes included
        }
        applyBatch(generation, keys);
        Instant now = clock.instant();
        for (SourceChanged change : batch) {
            if (change.occurredAt() != null) {
                // From the upstream event (a resume's parse finished) to searchable here.
                indexLag.record(Duration.between(change.occurredAt(), now));
            }
        }
    }

    /** Applies changes (keys, no times) to a generation and refreshes the organisations they touched. */
    private void applyBatch(Generation generation, List<SourceChanged> changes) {
        Map<UUID, List<SourceChanged>> byOrg = new LinkedHashMap<>();
        changes.forEach(c -> byOrg.computeIfAbsent(c.organizationId(), o -> new ArrayList<>())
                .add(c));
        byOrg.forEach((org, orgChanges) -> {
            OrgIndex index = generation.org(org);
            applyResumes(generation, index, org, ids(orgChanges, SourceChanged.Kind.RESUME));
            applyJobs(generation, index, org, ids(orgChanges, SourceChanged.Kind.JOB));
            index.refresh();
        });
    }

    private static List<UUID> ids(List<SourceChanged> changes, SourceChanged.Kind kind) {
        return changes.stream()
                .filter(c -> c.kind() == kind)
                .map(SourceChanged::id)
                .toList();
    }

    private void applyResumes(Generation generation, OrgIndex index, UUID org, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, CandidateStore.StoredCandidate> rows = candidates.findAll(org, ids);
        Map<UUID, String> texts = new LinkedHashMap<>();
        rows.forEach((id, c) -> texts.put(id, Embeddings.candidateText(c.facts(), c.searchText())));
        Map<UUID, float[]> vectors = storedOrQueued(generation, org, SourceChanged.Kind.RESUME, texts);
        for (UUID id : ids) {
            CandidateStore.StoredCandidate c = rows.get(id);
            if (c == null) {
                index.candidates().delete(id);
                withoutVector.remove(new SourceChanged(org, SourceChanged.Kind.RESUME, id));
            } else {
                index.candidates().upsert(id, IndexFields.candidate(c.facts(), c.searchText(), vectors.get(id), json));
            }
        }
    }

    private void applyJobs(Generation generation, OrgIndex index, UUID org, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, JobStore.StoredJob> rows = jobs.findAll(org, ids);
        Map<UUID, String> texts = new LinkedHashMap<>();
        rows.forEach((id, j) -> texts.put(id, Embeddings.jobText(j)));
        Map<UUID, float[]> vectors = storedOrQueued(generation, org, SourceChanged.Kind.JOB, texts);
        for (UUID id : ids) {
            JobStore.StoredJob j = rows.get(id);
            if (j == null) {
                index.jobs().delete(id);
                withoutVector.remove(new SourceChanged(org, SourceChanged.Kind.JOB, id));
            } else {
                index.jobs().upsert(id, IndexFields.job(j.facts(), j.searchText(), vectors.get(id), json));
            }
        }
    }

    /** A text that still needs its vector in a generation; the embedder thread asks model-serving for it. */
    private record ToEmbed(Generation generation, UUID org, SourceChanged.Kind kind, UUID id, String text) {}

    /**
     * The stored vectors of the texts (unchanged text, same model version); the others are queued for the
     * embedder, so that the document is searchable now by its words and gets its vector a moment later.
     */
    private Map<UUID, float[]> storedOrQueued(
            Generation generation, UUID org, SourceChanged.Kind kind, Map<UUID, String> texts) {
        if (generation.embeddingVersion() == 0 || texts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, float[]> vectors = embeddings.stored(kind, generation.embeddingVersion(), texts);
        texts.forEach((id, text) -> {
            if (!vectors.containsKey(id)) {
                toEmbed.add(new ToEmbed(generation, org, kind, id, text));
            }
        });
        return vectors;
    }

    /**
     * The embedder thread: takes queued texts in batches, has them embedded (and stored) off the indexer
     * thread, then lets the indexer put the vectors into the documents. A failure is retried later.
     */
    private void embedLoop() {
        while (!closing) {
            List<ToEmbed> batch = new ArrayList<>();
            try {
                ToEmbed first = toEmbed.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toEmbed.drainTo(batch, properties.embeddingBatch() - 1);
            } catch (InterruptedException e) {
                return;
            }
            Map<List<Object>, List<ToEmbed>> groups = new LinkedHashMap<>();
            batch.forEach(
                    t -> groups.computeIfAbsent(List.of(t.generation(), t.org(), t.kind()), g -> new ArrayList<>())
                            .add(t));
            for (List<ToEmbed> group : groups.values()) {
                ToEmbed head = group.getFirst();
                Map<UUID, String> texts = new LinkedHashMap<>();
                group.forEach(t -> texts.put(t.id(), t.text()));
                List<SourceChanged> keys = group.stream()
                        .map(t -> new SourceChanged(t.org(), t.kind(), t.id()))
                        .toList();
                try {
                    embeddings.vectors(
                            head.org(), head.kind(), head.generation().embeddingVersion(), texts);
                    indexer.execute(() -> addVectors(head.generation(), head.org(), keys));
                } catch (RuntimeException e) {
                    lastProblem = "embedding " + head.kind() + ": " + e.getMessage();
                    indexer.execute(() -> withoutVector.addAll(keys));
                }
            }
        }
    }

    /** On the indexer thread: the documents again, now with their stored vectors (if still current). */
    private void addVectors(Generation generation, UUID org, List<SourceChanged> keys) {
        if (generation != current) {
            return; // replaced meanwhile; the new generation embedded for itself
        }
        keys.forEach(withoutVector::remove);
        applyBatch(generation, keys);
    }

    private void retryWithoutVector() {
        indexer.execute(() -> {
            if (!withoutVector.isEmpty()) {
                withoutVector.forEach(pending::add);
                drain();
            }
        });
    }

    private static void closeQuietly(Generation generation) {
        try {
            generation.close();
        } catch (IOException e) {
            log.warn("Closing index generation {}: {}", generation.id(), e.toString());
        }
    }
}
