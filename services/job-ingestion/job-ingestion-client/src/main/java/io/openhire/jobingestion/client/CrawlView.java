package io.openhire.jobingestion.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a source, with its progress.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param trigger {@code MANUAL} or {@code SCHEDULE}
 * @param alreadyActive true when a crawl was asked for while this one was already queued or running
 * @param rejectionSample why the first refused posting was refused
 * @param error why the crawl failed
 */
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
}
