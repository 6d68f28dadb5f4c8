package io.openhire.dashboard.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** job-ingestion: jobs, sources, crawls. */
public interface JobsApi {

    /** {@code query}: text, status, location, remote, source, page, size, as job-ingestion takes them. */
    @GetExchange("/api/v1/jobs")
    Map<String, Object> jobs(@RequestParam MultiValueMap<String, String> query);

    @GetExchange("/api/v1/jobs/{id}")
    Map<String, Object> job(@PathVariable UUID id);

    @GetExchange("/api/v1/jobs/sources")
    List<Map<String, Object>> sources();

    @PostExchange("/api/v1/jobs/sources")
    Map<String, Object> createSource(@RequestBody Map<String, Object> source);

    @DeleteExchange("/api/v1/jobs/sources/{id}")
    void deleteSource(@PathVariable UUID id);

    /** {@code {sourceId}}: a crawl now (or the one already running). */
    @PostExchange("/api/v1/jobs/ingest")
    Map<String, Object> crawl(@RequestBody Map<String, Object> request);

    @GetExchange("/api/v1/jobs/crawls/{id}")
    Map<String, Object> crawlStatus(@PathVariable UUID id);
}
