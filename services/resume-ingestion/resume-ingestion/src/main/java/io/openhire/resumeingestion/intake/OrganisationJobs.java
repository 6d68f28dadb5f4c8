package io.openhire.resumeingestion.intake;

import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * An upload may name a job ({@code jobId}) only of the uploader's own organisation. job-ingestion
 * knows; it is asked as this service (a candidate may not read jobs there), for the caller's
 * organisation, so that another organisation's job is a 404 like one that does not exist.
 */
@Component
class OrganisationJobs {

    private static final Logger log = LoggerFactory.getLogger(OrganisationJobs.class);

    private final JobIngestionApi jobs;
    private final ServiceAccount serviceAccount;

    OrganisationJobs(JobIngestionApi jobs, ServiceAccount serviceAccount) {
        this.jobs = jobs;
        this.serviceAccount = serviceAccount;
    }

    /** Returns quietly when the job is the organisation's; a 400 when not, a 503 when nobody can tell. */
    void requireJob(UUID organizationId, UUID jobId) {
        try {
            serviceAccount.onBehalfOf(organizationId, () -> jobs.job(jobId));
        } catch (HttpClientErrorException.NotFound notOurs) {
            throw DomainException.invalidField("jobId", "is not a job of your organisation");
        } catch (RestClientException e) {
            // job-ingestion failed or refused this service's token: the job cannot be checked now.
            // (Unreachable or circuit open already arrive as ServiceClients' 503 problem.)
            log.warn(
                    "Checking a job with job-ingestion failed: {}", e.getClass().getSimpleName());
            throw DomainException.unavailable(
                    "dependency-unavailable", "The job-ingestion service could not check the job. Try again shortly.");
        }
    }
}
