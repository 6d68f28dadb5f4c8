package io.openhire.jobingestion.sources.web;

import io.openhire.jobingestion.client.CrawlView;
import io.openhire.jobingestion.client.NewSource;
import io.openhire.jobingestion.client.SourceView;
import io.openhire.jobingestion.crawl.Crawl;
import io.openhire.jobingestion.crawl.CrawlService;
import io.openhire.jobingestion.crawl.Crawls;
import io.openhire.jobingestion.jobs.web.CrawlViews;
import io.openhire.jobingestion.sources.JobSource;
import io.openhire.jobingestion.sources.JobSources;
import io.openhire.jobingestion.sources.SourceService;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's job sources: create (the API key sealed, never shown again), list with connector
 * health, one with its recent crawls, crawl now, delete (the jobs stay, with their provenance).
 */
@RestController
@RequestMapping("/api/v1/jobs/sources")
class SourceController {

    private final SourceService service;
    private final JobSources sources;
    private final CrawlService crawlService;
    private final Crawls crawls;

    SourceController(SourceService service, JobSources sources, CrawlService crawlService, Crawls crawls) {
        this.service = service;
        this.sources = sources;
        this.crawlService = crawlService;
        this.crawls = crawls;
    }

    /** A source as job-ingestion-client's {@link SourceView}; {@code recent} only when one source is read. */
    static SourceView view(JobSource s, List<CrawlView> recent) {
        return new SourceView(
                s.id(),
                s.name(),
                s.kind().name(),
                s.board(),
                s.url(),
                s.employer(),
                s.credentialsSealed() != null,
                s.credentialsUser(),
                s.scheduleMinutes(),
                s.nextCrawlAt(),
                s.createdAt(),
                new SourceView.Health(s.health(), s.lastSuccessAt(), s.lastError(), s.lastErrorAt(), s.lastCrawlId()),
                recent);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<SourceView> create(AuthenticatedUser caller, @RequestBody NewSource request) {
        JobSource source = service.create(
                caller.organizationId(),
                caller.subject(),
                new SourceService.NewSource(
                        request.name(),
                        request.kind(),
                        request.board(),
                        request.url(),
                        request.employer(),
                        request.scheduleMinutes(),
                        request.apiKey(),
                        request.apiEmail()));
        return ResponseEntity.created(URI.create("/api/v1/jobs/sources/" + source.id()))
                .body(view(source, null));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    List<SourceView> list(AuthenticatedUser caller) {
        return sources.list(caller.organizationId()).stream()
                .map(s -> view(s, null))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    SourceView get(AuthenticatedUser caller, @PathVariable UUID id) {
        JobSource source =
                sources.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("Source " + id));
        return view(
                source,
                crawls.ofSource(caller.organizationId(), id, 10).stream()
                        .map(c -> CrawlViews.of(c, false))
                        .toList());
    }

    /** The same as {@code POST /api/v1/jobs/ingest {"sourceId": id}}. */
    @PostMapping("/{id}/crawl")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<CrawlView> crawl(AuthenticatedUser caller, @PathVariable UUID id) {
        CrawlService.Requested requested =
                crawlService.request(caller.organizationId(), id, caller.subject(), Crawl.Trigger.MANUAL);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/jobs/crawls/" + requested.crawl().id()))
                .body(CrawlViews.of(requested.crawl(), requested.alreadyActive()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<Void> delete(AuthenticatedUser caller, @PathVariable UUID id) {
        service.delete(caller.organizationId(), id);
        return ResponseEntity.noContent().build();
    }
}
