package io.openhire.jobingestion.jobs.web;

import io.openhire.jobingestion.client.CrawlView;
import io.openhire.jobingestion.crawl.Crawl;

/** A crawl and its progress as job-ingestion-client's {@link CrawlView}: what the API shows of it. */
public final class CrawlViews {

    private CrawlViews() {}

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
                new CrawlView.Progress(
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
