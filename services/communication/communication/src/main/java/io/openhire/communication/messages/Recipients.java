package io.openhire.communication.messages;

import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.UserProfile;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobView;
import io.openhire.matching.client.CandidateContact;
import io.openhire.matching.client.MatchingApi;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
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
public class Recipients {

    private final MatchingApi matching;
    private final JobIngestionApi jobs;
    private final IdentityApi identity;

    Recipients(MatchingApi matching, JobIngestionApi jobs, IdentityApi identity) {
        this.matching = matching;
        this.jobs = jobs;
        this.identity = identity;
    }

    /** The signed-in sender's name and address, from identity; empty for an API key or a service. */
    public Optional<UserProfile> sender(AuthenticatedUser caller, String bearer) {
        if (caller.kind() != AuthenticatedUser.Kind.USER || bearer == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(identity.profile(bearer));
        } catch (HttpClientErrorException e) {
            return Optional.empty(); // the message goes out without the sender's name (a variable needing it says so)
        }
    }

    /** The candidate, or empty when matching does not know them (in this organisation). */
    public Optional<CandidateContact> candidate(UUID candidateId) {
        try {
            return Optional.of(matching.candidate(candidateId));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    public JobView job(UUID jobId) {
        try {
            return jobs.job(jobId);
        } catch (HttpClientErrorException.NotFound e) {
            throw DomainException.notFound("The job");
        }
    }
}
