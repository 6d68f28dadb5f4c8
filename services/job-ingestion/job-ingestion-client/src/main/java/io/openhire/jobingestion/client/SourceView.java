package io.openhire.jobingestion.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A configured job source of the organisation. The API key itself is never shown.
 *
 * @param kind {@code GREENHOUSE}, {@code LEVER}, {@code JSON_LD}, {@code FEED} or {@code USAJOBS}
 * @param board the Greenhouse board token or Lever site name
 * @param hasApiKey whether an API key is stored (sealed)
 * @param scheduleMinutes crawled every this many minutes; null: only on request
 * @param recentCrawls the latest crawls, only when one source is read ({@code GET /api/v1/jobs/sources/{id}})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SourceView(
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

    /**
     * Connector health.
     *
     * @param status {@code NEW} (never crawled), {@code HEALTHY} (the last crawl succeeded) or {@code FAILING}
     */
    public record Health(
            String status, Instant lastSuccessAt, String lastError, Instant lastErrorAt, UUID lastCrawlId) {}
}
