package io.openhire.dashboard.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** matching: shortlists with explanations, feedback, blind mode, per-job weights. */
public interface MatchesApi {

    @GetExchange("/api/v1/matches")
    Map<String, Object> forJob(@RequestParam UUID jobId, @RequestParam int limit);

    @GetExchange("/api/v1/matches")
    Map<String, Object> forResume(@RequestParam UUID resumeId, @RequestParam int limit);

    /** {@code {jobId, candidateId, outcome, reason?}} */
    @PostExchange("/api/v1/matches/feedback")
    Map<String, Object> feedback(@RequestBody Map<String, Object> feedback);

    @GetExchange("/api/v1/matches/feedback")
    List<Map<String, Object>> feedbackFor(@RequestParam UUID jobId, @RequestParam int limit);

    /** {@code {jobId, candidateId}}: name and contacts of a blind-listed candidate, recorded. */
    @PostExchange("/api/v1/matches/reveal")
    Map<String, Object> reveal(@RequestBody Map<String, Object> request);

    @GetExchange("/api/v1/matches/jobs/{jobId}/settings")
    Map<String, Object> jobSettings(@PathVariable UUID jobId);

    /** {@code {blind?, weights?}}: null leaves the organisation's or the model's. */
    @PutExchange("/api/v1/matches/jobs/{jobId}/settings")
    Map<String, Object> setJobSettings(@PathVariable UUID jobId, @RequestBody Map<String, Object> settings);

    @GetExchange("/api/v1/matches/index")
    Map<String, Object> index();
}
