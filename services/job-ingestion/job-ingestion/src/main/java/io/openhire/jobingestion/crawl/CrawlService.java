package io.openhire.jobingestion.crawl;

import io.openhire.jobingestion.JobIngestionProperties;
import io.openhire.jobingestion.connectors.Connector;
import io.openhire.jobingestion.connectors.ConnectorException;
import io.openhire.jobingestion.connectors.SourceKind;
import io.openhire.jobingestion.connectors.WebFetcher;
import io.openhire.jobingestion.events.JobSourceFailing;
import io.openhire.jobingestion.jobs.JobNormaliser;
import io.openhire.jobingestion.jobs.JobStore;
import io.openhire.jobingestion.sources.JobSource;
import io.openhire.jobingestion.sources.JobSources;
import io.openhire.jobingestion.sources.SourceService;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crawls: queued on request or schedule (rows in {@code crawl}, so a restart loses none), claimed by one
 * instance, run by the source's connector with every posting going through {@link JobStore} as it is
 * read. A crawl that completes closes the source's jobs it no longer lists; a crawl that fails records
 * the error on the crawl and the source and changes no existing job.
 */
@Service
public class CrawlService {

    private static final Logger log = LoggerFactory.getLogger(CrawlService.class);
    /** A crawl whose instance died is taken up again, at most this many times in all. */
    static final int MAX_ATTEMPTS = 3;

    private final Crawls crawls;
    private final JobSources sources;
    private final SourceService sourceService;
    private final JobStore store;
    private final WebFetcher web;
    private final Map<SourceKind, Connector> connectors = new EnumMap<>(SourceKind.class);
    private final JobIngestionProperties properties;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Clock clock;

    CrawlService(
            Crawls crawls,
            JobSources sources,
            SourceService sourceService,
            JobStore store,
            WebFetcher web,
            List<Connector> connectors,
            JobIngestionProperties properties,
            TransactionTemplate transactions,
            Outbox outbox,
            Clock clock) {
        this.crawls = crawls;
        this.sources = sources;
        this.sourceService = sourceService;
        this.store = store;
        this.web = web;
        connectors.forEach(c -> this.connectors.put(c.kind(), c));
        this.properties = properties;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The crawl now queued for the source, or the one already queued or running (never two). */
    public record Requested(Crawl crawl, boolean alreadyActive) {}

    public Requested request(UUID organizationId, UUID sourceId, String requestedBy, Crawl.Trigger trigger) {
        if (sources.find(organizationId, sourceId).isEmpty()) {
            throw DomainException.notFound("Source " + sourceId);
        }
        Optional<Crawl> active = crawls.active(organizationId, sourceId);
        if (active.isPresent()) {
            return new Requested(active.get(), true);
        }
        Crawl crawl = queued(organizationId, sourceId, requestedBy, trigger);
        try {
            crawls.insert(crawl);
            return new Requested(crawl, false);
        } catch (DuplicateKeyException raced) {
            return new Requested(crawls.active(organizationId, sourceId).orElseThrow(), true);
        }
    }

    private Crawl queued(UUID org, UUID sourceId, String by, Crawl.Trigger trigger) {
        return new Crawl(
                UUID.randomUUID(),
                org,
                sourceId,
                trigger,
                Crawl.Status.QUEUED,
                by,
                clock.instant(),
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                null);
    }

    /** Queues the crawls whose schedule is due (each by exactly one instance); returns how many. */
    public int queueDue() {
        Integer queued = transactions.execute(status -> {
            int n = 0;
            Instant now = clock.instant();
            for (JobSource source : sources.lockDue(now, 50)) {
                sources.scheduleNext(source.id(), now.plus(Duration.ofMinutes(source.scheduleMinutes())));
                if (crawls.active(source.organizationId(), source.id()).isEmpty()) {
                    crawls.insert(queued(source.organizationId(), source.id(), "scheduler", Crawl.Trigger.SCHEDULE));
                    n++;
                }
            }
            return n;
        });
        return queued == null ? 0 : queued;
    }

    /** Claims and runs one crawl; false when there was none to run. */
    public boolean runNext() {
        Optional<Crawl> claimed = crawls.claim(clock.instant(), properties.crawlLease());
        if (claimed.isEmpty()) {
            return false;
        }
        run(claimed.get());
        return true;
    }

    void run(Crawl crawl) {
        Crawls.Progress progress = new Crawls.Progress();
        Optional<JobSource> found = sources.find(crawl.organizationId(), crawl.sourceId());
        if (found.isEmpty()) {
            crawls.finish(crawl.id(), Crawl.Status.FAILED, progress, "The source was deleted", clock.instant());
            return;
        }
        JobSource source = found.get();
        if (crawl.attempts() > MAX_ATTEMPTS) {
            fail(crawl, source, progress, "Stopped after " + MAX_ATTEMPTS + " attempts that did not finish");
            return;
        }
        JobStore.Origin origin =
                JobStore.Origin.source(source.id(), source.kind().name());
        WebFetcher.Session session = web.session();
        Set<String> listed = new HashSet<>();
        try {
            connectors.get(source.kind()).fetch(sourceService.target(source), session, posting -> {
                progress.found++;
                progress.requests = session.requests();
                try {
                    JobStore.Outcome outcome = store.ingest(crawl.organizationId(), origin, posting);
                    listed.add(outcome.externalId());
                    switch (outcome.result()) {
                        case CREATED -> progress.created++;
                        case UPDATED -> progress.updated++;
                        case UNCHANGED -> progress.unchanged++;
                    }
                    if (outcome.duplicateOf() != null && outcome.result() == JobStore.Result.CREATED) {
                        progress.duplicates++;
                    }
                } catch (JobNormaliser.InvalidPosting e) {
                    progress.rejected++;
                    if (progress.rejectionSample == null) {
                        progress.rejectionSample = "Posting " + posting.externalId() + ": " + e.getMessage();
                    }
                }
                crawls.progress(crawl.id(), progress, clock.instant().plus(properties.crawlLease()));
            });
        } catch (ConnectorException e) {
            progress.requests = session.requests();
            fail(crawl, source, progress, e.getMessage());
            return;
        } catch (DataAccessException e) {
            // The database went away: leave the crawl RUNNING; when its lease ends it is taken up again.
            log.warn("Crawl {} of source {} interrupted by the database; it will be retried", crawl.id(), source.id());
            return;
        } catch (RuntimeException e) {
            log.error("Crawl {} of source {} failed unexpectedly", crawl.id(), source.id(), e);
            fail(
                    crawl,
                    source,
                    progress,
                    "The crawl failed unexpectedly (" + e.getClass().getSimpleName() + ")");
            return;
        }
        progress.requests = session.requests();
        progress.closed = store.closeUnlisted(crawl.organizationId(), origin, listed);
        Instant now = clock.instant();
        crawls.finish(crawl.id(), Crawl.Status.SUCCEEDED, progress, null, now);
        sources.recordSuccess(source.id(), crawl.id(), now);
        log.info(
                "Crawl {} of source {}: {} found, {} new, {} updated, {} unchanged, {} rejected, {} closed",
                crawl.id(),
                source.id(),
                progress.found,
                progress.created,
                progress.updated,
                progress.unchanged,
                progress.rejected,
                progress.closed);
    }

    /**
     * Records the failure on the crawl and the source; a source that was working (or new) announces that it is
     * now failing, in the same transaction (its people hear of it once, not at every retry).
     */
    private void fail(Crawl crawl, JobSource source, Crawls.Progress progress, String error) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            crawls.finish(crawl.id(), Crawl.Status.FAILED, progress, error, now);
            sources.recordError(source.id(), crawl.id(), error, now);
            if (!"FAILING".equals(source.health())) {
                outbox.publish(
                        JobSourceFailing.TOPIC,
                        source.id().toString(),
                        new JobSourceFailing(
                                source.id(), source.organizationId(), source.name(), crawl.id(), error, now),
                        source.organizationId());
            }
        });
        log.info("Crawl {} of source {} failed: {}", crawl.id(), source.id(), error);
    }
}
