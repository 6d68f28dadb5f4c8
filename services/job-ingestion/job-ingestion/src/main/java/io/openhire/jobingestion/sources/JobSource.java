package io.openhire.jobingestion.sources;

import io.openhire.jobingestion.connectors.SourceKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A configured job source of one organisation, with its health (last success, last error).
 *
 * @param credentialsSealed the sealed API key, never shown
 * @param scheduleMinutes crawl every this many minutes; null: only on request
 */
public record JobSource(
        UUID id,
        UUID organizationId,
        String name,
        SourceKind kind,
        String board,
        String url,
        String employer,
        byte[] credentialsSealed,
        String credentialsUser,
        Integer scheduleMinutes,
        Instant nextCrawlAt,
        String createdBy,
        Instant createdAt,
        UUID lastCrawlId,
        Instant lastSuccessAt,
        String lastError,
        Instant lastErrorAt) {

    /** Healthy: last crawl succeeded; FAILING: the last one failed; NEW: never crawled. */
    public String health() {
        if (lastErrorAt != null && (lastSuccessAt == null || lastErrorAt.isAfter(lastSuccessAt))) {
            return "FAILING";
        }
        return lastSuccessAt == null ? "NEW" : "HEALTHY";
    }
}
