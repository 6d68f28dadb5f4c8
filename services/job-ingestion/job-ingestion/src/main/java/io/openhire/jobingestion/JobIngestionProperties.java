package io.openhire.jobingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param userAgent how the crawler introduces itself to career sites and APIs (and what robots.txt rules
 *     are matched against)
 * @param timeout connect and read timeout of one request
 * @param maxResponseSize a larger page, feed or API answer fails the crawl instead of filling memory
 * @param robotsCacheTtl how long a site's robots.txt is trusted before it is read again
 * @param hostInterval least time between two requests to one host (a robots.txt Crawl-delay can only
 *     lengthen it)
 * @param maxRequestsPerCrawl request budget of one crawl, robots.txt included
 * @param maxPagesPerSite career-site pages (JSON-LD) one crawl follows
 * @param maxPostingsPerRequest postings in one push or upload
 * @param maxDescriptionChars longer descriptions are cut (and the event stays far below Kafka's limits)
 * @param workerInterval how often an idle instance looks for queued crawls and due schedules
 * @param crawlLease how long a crawl is an instance's before another may take it over
 * @param allowPrivateHosts sources on this machine or a private network (tests, an intranet ATS)
 * @param credentialsKey base64 of 32 bytes: seals source API keys at rest (AES-256-GCM)
 */
@ConfigurationProperties("openhire.job-ingestion")
public record JobIngestionProperties(
        String userAgent,
        Duration timeout,
        DataSize maxResponseSize,
        Duration robotsCacheTtl,
        Duration hostInterval,
        int maxRequestsPerCrawl,
        int maxPagesPerSite,
        int maxPostingsPerRequest,
        int maxDescriptionChars,
        Duration workerInterval,
        Duration crawlLease,
        boolean allowPrivateHosts,
        String credentialsKey) {}
