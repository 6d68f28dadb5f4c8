package io.openhire.dashboard.api;

import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** resume-processing: the parsed profile with its confidences, and ATS reports. */
public interface ProfilesApi {

    @GetExchange("/api/v1/resumes/{id}/profile")
    Map<String, Object> profile(@PathVariable UUID id);

    /** {@code {resumeId, jobText, jobTitle?, jobId?}}: how the resume reads to an ATS for that job. */
    @PostExchange("/api/v1/resumes/optimize")
    Map<String, Object> atsReport(@RequestBody Map<String, Object> request);
}
