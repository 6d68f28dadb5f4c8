package io.openhire.jobingestion.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A job source that was working (or never crawled) has just failed a crawl: its jobs are no longer kept up to
 * date until someone looks. Published once per change from working to failing, not for every failed retry.
 *
 * @param sourceId the source (also the Kafka key)
 * @param sourceName the name the organisation gave it
 * @param crawlId the crawl that failed
 * @param reason what went wrong, as shown on the source's page (no credentials)
 */
public record JobSourceFailing(
        UUID sourceId, UUID organizationId, String sourceName, UUID crawlId, String reason, Instant occurredAt) {

    public static final String TOPIC = "job.source-failing.v1";
}
