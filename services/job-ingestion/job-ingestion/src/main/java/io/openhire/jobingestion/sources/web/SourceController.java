package io.openhire.jobingestion.sources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openhire.jobingestion.crawl.Crawl;
import io.openhire.jobingestion.crawl.CrawlService;
import io.openhire.jobingestion.crawl.Crawls;
import io.openhire.jobingestion.jobs.web.CrawlView;
import io.openhire.jobingestion.sources.JobSource;
import io.openhire.jobingestion.sources.JobSources;
import io.openhire.jobingestion.sources.SourceService;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.net.URI;
import java.time.Instant;
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

    /** Connector health: the last success and the last error with when it happened. */
    record Health(String status, Instant lastSuccessAt, String lastError, Instant lastErrorAt, UUID lastCrawlId) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SourceView(
            UUID id,
            String name,
            String kind,
            String board,
            String url,
            String employer,
            boolean hasApiKey,
            String apiEmail,
            Integer scheduleMinutes,
            Instant nextCrawlAt,
            Instant createdAt,
            Health health,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CrawlView> recentCrawls) {

        static SourceView of(JobSource s, List<CrawlView> recent) {
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
                    new Health(s.health(), s.lastSuccessAt(), s.lastError(), s.lastErrorAt(), s.lastCrawlId()),
                    recent);
        }
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<SourceView> create(AuthenticatedUser caller, @RequestBody SourceService.NewSource request) {
        JobSource source = service.create(caller.organizationId(), caller.subject(), request);
        return ResponseEntity.created(URI.create("/api/v1/jobs/sources/" + source.id()))
                .body(SourceView.of(source, null));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    List<SourceView> list(AuthenticatedUser caller) {
        return sources.list(caller.organizationId()).stream()
                .map(s -> SourceView.of(s, null))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    SourceView get(AuthenticatedUser caller, @PathVariable UUID id) {
        JobSource source =
                sources.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("Source " + id));
        return SourceView.of(
                source,
                crawls.ofSource(caller.organizationId(), id, 10).stream()
                        .map(c -> CrawlView.of(c, false))
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
                .body(CrawlView.of(requested.crawl(), requested.alreadyActive()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<Void> delete(AuthenticatedUser caller, @PathVariable UUID id) {
        service.delete(caller.organizationId(), id);
        return ResponseEntity.noContent().build();
    }
}
