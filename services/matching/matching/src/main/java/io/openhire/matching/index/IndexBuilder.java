package io.openhire.matching.index;

import io.openhire.matching.MatchingProperties;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a new {@link Generation} from this service's tables, one build at a time, on a thread of its own:
 * every organisation's resumes and jobs, page by page, with the vectors of the generation's embedding
 * version (stored ones, the rest embedded now). What changes while it runs is the {@link Indexer}'s
 * business: it replays those changes into the new generation before switching to it.
 */
final class IndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);
    private static final int PAGE = 200;
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final CandidateStore candidates;
    private final JobStore jobs;
    private final Embeddings embeddings;
    private final JsonMapper json;
    private final MatchingProperties properties;
    private final Clock clock;
    private final Consumer<String> problems;

    private final AtomicInteger generations = new AtomicInteger();
    private volatile MatchIndex.Build building;
    private volatile boolean stopping;
    private volatile Thread buildThread;

    IndexBuilder(
            CandidateStore candidates,
            JobStore jobs,
            Embeddings embeddings,
            JsonMapper json,
            MatchingProperties properties,
            Clock clock,
            Consumer<String> problems) {
        this.candidates = candidates;
        this.jobs = jobs;
        this.embeddings = embeddings;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.problems = problems;
    }

    /** The build in progress (until its generation serves or it was given up), or null. */
    MatchIndex.Build running() {
        return building;
    }

    /**
     * Starts building a generation for an embedding version, unless a build runs or the service stops.
     *
     * @param built gets the complete generation (on the build thread); it must end with {@link #finished()}
     * @param failed runs when the build was given up (on the build thread); it must end with {@link #finished()}
     * @return whether a build started
     */
    synchronized boolean start(int embeddingVersion, String reason, Consumer<Generation> built, Runnable failed) {
        if (building != null || stopping) {
            return false;
        }
        String id = "g" + generations.incrementAndGet() + "-e" + embeddingVersion;
        MatchIndex.Build build = new MatchIndex.Build(id, embeddingVersion, reason, clock.instant(), 0);
        building = build;
        buildThread =
                Thread.ofPlatform().name("matching-index-build").daemon(true).start(() -> run(build, built, failed));
        return true;
    }

    /** The build is over: its generation serves now, or it was given up. A next one may start. */
    void finished() {
        building = null;
    }

    /**
     * No new build starts; a running one gives up after the page it is filling. Waits a moment for it, so that
     * it does not go on reading while the service's database pool closes (it is rebuilt at the next start).
     */
    void stop() throws InterruptedException {
        stopping = true;
        Thread running = buildThread;
        if (running != null) {
            running.join(STOP_WAIT);
        }
    }

    private void run(MatchIndex.Build build, Consumer<Generation> built, Runnable failed) {
        Generation next = new Generation(
                build.generationId(),
                build.embeddingVersion(),
                properties.indexDir().resolve(build.generationId()));
        try {
            log.info("Building match index {} ({})", build.generationId(), build.reason());
            for (UUID org : jobs.organizations()) {
                fill(next, org);
                if (stopping) {
                    throw new IllegalStateException("stopping");
                }
            }
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Match index build {} stopped with the service", build.generationId());
                next.closeQuietly();
                failed.run();
                return;
            }
            problems.accept("index build " + build.generationId() + ": " + e.getMessage());
            log.warn("Match index build {} failed: {}", build.generationId(), e.toString());
            next.closeQuietly();
            failed.run();
            return;
        }
        built.accept(next);
    }

    /** One organisation's resumes and jobs, a page at a time, each page embedded in one go. */
    private void fill(Generation next, UUID org) {
        OrgIndex index = next.org(org);
        int version = next.embeddingVersion();
        candidates.forEach(org, PAGE, page -> {
            Map<UUID, String> texts = new LinkedHashMap<>();
            page.forEach(c -> texts.put(c.facts().resumeId(), Embeddings.candidateText(c.facts(), c.searchText())));
            Map<UUID, float[]> vectors = embeddings.vectors(org, SourceChanged.Kind.RESUME, version, texts);
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
            Map<UUID, float[]> vectors = embeddings.vectors(org, SourceChanged.Kind.JOB, version, texts);
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
    }

    private void progress(int docs) {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
        MatchIndex.Build build = building;
        if (build != null) {
            building = new MatchIndex.Build(
                    build.generationId(),
                    build.embeddingVersion(),
                    build.reason(),
                    build.startedAt(),
                    build.done() + docs);
        }
    }
}
