package io.openhire.jobingestion.crawl;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a source, with its progress: requests made, postings found and what became of them.
 *
 * @param rejectionSample why the first refused posting was refused
 */
public record Crawl(
        UUID id,
        UUID organizationId,
        UUID sourceId,
        Trigger trigger,
        Status status,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        int attempts,
        int requests,
        int found,
        int created,
        int updated,
        int unchanged,
        int duplicates,
        int rejected,
        int closed,
        String rejectionSample,
        String error) {

    public enum Trigger {
        MANUAL,
        SCHEDULE
    }

    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }
}
