package io.openhire.communication.messages;

import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobView;
import io.openhire.matching.client.CandidateContact;
import io.openhire.matching.client.MatchingApi;
import io.openhire.platform.errors.DomainException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Who and what a message is about, from the services that own them: a candidate's name and addresses from
 * matching, a job's title from job-ingestion. Called with the sender's token (or the service's, in the
 * organisation's name): another organisation's candidate or job is not found.
 */
@Component
class Recipients {

    private final MatchingApi matching;
    private final JobIngestionApi jobs;

    Recipients(MatchingApi matching, JobIngestionApi jobs) {
        this.matching = matching;
        this.jobs = jobs;
    }

    /** The candidate, or empty when matching does not know them (in this organisation). */
    Optional<CandidateContact> candidate(UUID candidateId) {
        try {
            return Optional.of(matching.candidate(candidateId));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    JobView job(UUID jobId) {
        try {
            return jobs.job(jobId);
        } catch (HttpClientErrorException.NotFound e) {
            throw DomainException.notFound("The job");
        }
    }
}
