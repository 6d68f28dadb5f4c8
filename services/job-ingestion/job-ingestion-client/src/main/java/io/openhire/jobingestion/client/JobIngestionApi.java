package io.openhire.jobingestion.client;

import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * job-ingestion's API for other services, as an HTTP interface for {@code ServiceClients}:
 *
 * <pre>{@code
 * JobIngestionApi jobIngestion = serviceClients.create(JobIngestionApi.class, "job-ingestion");
 * JobPage open = jobIngestion.jobs(JobQuery.firstPage(20).withStatus("OPEN").params());
 * JobView job = jobIngestion.job(jobId);   // 404 for another organisation's job
 * }</pre>
 *
 * Every call is for the caller's organisation. Pushing postings ({@code POST /api/v1/jobs/ingest} with
 * {@code {postings: [...]}}) is not here: postings come in the shapes their sources have (OpenHire's JSON,
 * schema.org JobPosting), which job-ingestion reads itself.
 */
public interface JobIngestionApi {

    /** A page of jobs; build the parameters with {@link JobQuery#params()}. */
    @GetExchange("/api/v1/jobs")
    JobPage jobs(@RequestParam MultiValueMap<String, String> query);

    /** One job with its description and near duplicates. */
    @GetExchange("/api/v1/jobs/{id}")
    JobView job(@PathVariable UUID id);

    /** The organisation's job sources with their health (ADMIN, RECRUITER). */
    @GetExchange("/api/v1/jobs/sources")
    List<SourceView> sources();

    /** Adds a source; the API key is sealed and never shown again (ADMIN, RECRUITER). */
    @PostExchange("/api/v1/jobs/sources")
    SourceView createSource(@RequestBody NewSource source);

    /** Deletes a source; its jobs stay, with their provenance (ADMIN, RECRUITER). */
    @DeleteExchange("/api/v1/jobs/sources/{id}")
    void deleteSource(@PathVariable UUID id);

    /** Crawls a source now, or answers with the crawl already queued or running ({@code alreadyActive}). */
    @PostExchange("/api/v1/jobs/ingest")
    CrawlView crawl(@RequestBody CrawlRequest request);

    /** A crawl's progress. */
    @GetExchange("/api/v1/jobs/crawls/{id}")
    CrawlView crawlStatus(@PathVariable UUID id);
}
