package io.openhire.jobingestion.jobs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openhire.jobingestion.crawl.Crawl;
import java.time.Instant;
import java.util.UUID;

/** A crawl and its progress, as the API shows it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CrawlView(
        UUID id,
        UUID sourceId,
        String status,
        String trigger,
        boolean alreadyActive,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Progress progress,
        String rejectionSample,
        String error) {

    /** Counters as the crawl goes: requests made, postings found and what became of them. */
    public record Progress(
            int requests,
            int found,
            int created,
            int updated,
            int unchanged,
            int duplicates,
            int rejected,
            int closed) {}

    public static CrawlView of(Crawl c, boolean alreadyActive) {
        return new CrawlView(
                c.id(),
                c.sourceId(),
                c.status().name(),
                c.trigger().name(),
                alreadyActive,
                c.requestedAt(),
                c.startedAt(),
                c.finishedAt(),
                new Progress(
                        c.requests(),
                        c.found(),
                        c.created(),
                        c.updated(),
                        c.unchanged(),
                        c.duplicates(),
                        c.rejected(),
                        c.closed()),
                c.rejectionSample(),
                c.error());
    }
}
