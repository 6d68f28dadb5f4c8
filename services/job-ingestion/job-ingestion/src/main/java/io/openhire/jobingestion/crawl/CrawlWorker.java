package io.openhire.jobingestion.crawl;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each instance, on a fixed delay: queue the crawls whose schedule is due, then run queued crawls one
 * after another until none is left. The database decides which instance runs what.
 */
@Component
class CrawlWorker {

    private final CrawlService crawls;

    CrawlWorker(CrawlService crawls) {
        this.crawls = crawls;
    }

    @Scheduled(
            fixedDelayString = "${openhire.job-ingestion.worker-interval}",
            initialDelayString = "${openhire.job-ingestion.worker-interval}")
    void work() {
        crawls.queueDue();
        while (crawls.runNext()) {
            // next one
        }
    }
}
