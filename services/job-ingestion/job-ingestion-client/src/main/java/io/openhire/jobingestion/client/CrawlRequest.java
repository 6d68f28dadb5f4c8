package io.openhire.jobingestion.client;

import java.util.UUID;

/** Crawl this source now: the body {@code {"sourceId": …}} of {@code POST /api/v1/jobs/ingest}. */
public record CrawlRequest(UUID sourceId) {}
