package io.openhire.jobprocessing.client;

import java.util.UUID;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * job-processing's API for other services, as an HTTP interface for {@code ServiceClients}: the review of a
 * job's ad.
 *
 * <pre>{@code
 * JobProcessingApi jobProcessing = serviceClients.create(JobProcessingApi.class, "job-processing");
 * AdReport review = jobProcessing.review(jobId);   // 404 until the job has been analysed
 * }</pre>
 */
public interface JobProcessingApi {

    /** The latest review of the job's ad, with the skills it asks for; 404 while there is none yet. */
    @GetExchange("/api/v1/jobs/optimized")
    AdReport review(@RequestParam UUID jobId);
}
