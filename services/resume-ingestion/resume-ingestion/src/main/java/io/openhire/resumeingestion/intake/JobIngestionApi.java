package io.openhire.resumeingestion.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/** job-ingestion's job API: whether a job named on an upload is one of the organisation's. */
public interface JobIngestionApi {

    /** The part of job-ingestion's job that resume-ingestion reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Job(UUID id) {}

    /** The organisation's job; another organisation's job or none at all is a 404. */
    @GetExchange("/api/v1/jobs/{id}")
    Job job(@PathVariable UUID id);
}
