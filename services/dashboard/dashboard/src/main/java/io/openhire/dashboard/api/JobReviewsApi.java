package io.openhire.dashboard.api;

import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/** job-processing: the review of a job's ad (score, findings, extracted skills). */
public interface JobReviewsApi {

    @GetExchange("/api/v1/jobs/optimized")
    Map<String, Object> review(@RequestParam UUID jobId);
}
