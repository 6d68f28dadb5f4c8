package io.openhire.matching.client;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * matching's API for other services, as an HTTP interface for {@code ServiceClients}: ranked and explained
 * lists, recruiters' feedback, blind review and per-job weights, and the state of the index. For recruiters
 * and admins (the caller's token); every list is also recorded by matching as a run.
 *
 * <pre>{@code
 * MatchingApi matching = serviceClients.create(MatchingApi.class, "matching");
 * MatchList shortlist = matching.candidatesForJob(jobId, 20);
 * double skills = shortlist.matches().getFirst().breakdown().get(ScoreCategory.REQUIRED_SKILLS).score();
 * }</pre>
 *
 * A job or resume matching has not indexed yet answers 404 or 422 (a problem detail saying why).
 */
public interface MatchingApi {

    /** The job's best candidates, ranked and explained; {@code limit} 1–100. */
    @GetExchange("/api/v1/matches")
    MatchList candidatesForJob(@RequestParam UUID jobId, @RequestParam int limit);

    /** The open jobs one resume fits best, ranked and explained. */
    @GetExchange("/api/v1/matches")
    MatchList jobsForResume(@RequestParam UUID resumeId, @RequestParam int limit);

    /** A recruiter's decision on a candidate for a job (it trains the ranker); answers 201. */
    @PostExchange("/api/v1/matches/feedback")
    RecordedFeedback feedback(@RequestBody FeedbackRequest feedback);

    /** The feedback given for a job, newest first; {@code limit} 1–1000. */
    @GetExchange("/api/v1/matches/feedback")
    List<RecordedFeedback> feedbackFor(@RequestParam UUID jobId, @RequestParam int limit);

    /** Blind review: who a candidate is, for this job; recorded and announced. */
    @PostExchange("/api/v1/matches/reveal")
    Revealed reveal(@RequestBody RevealRequest request);

    @GetExchange("/api/v1/matches/jobs/{jobId}/settings")
    JobSettings jobSettings(@PathVariable UUID jobId);

    /** Saves the job's blind mode and weights (null: the organisation's, the model's); answers what is saved. */
    @PutExchange("/api/v1/matches/jobs/{jobId}/settings")
    JobSettings setJobSettings(@PathVariable UUID jobId, @RequestBody JobSettingsRequest settings);

    /** Who a candidate is and how to reach them (staff and services); 404 for an unknown candidate. */
    @GetExchange("/api/v1/matches/candidates/{candidateId}")
    CandidateContact candidate(@PathVariable UUID candidateId);

    /** The candidate a resume belongs to, with how to reach them; 404 until matching has the resume. */
    @GetExchange("/api/v1/matches/candidates")
    CandidateContact candidateOfResume(@RequestParam UUID resumeId);

    /** How far the index is, for the caller's organisation. */
    @GetExchange("/api/v1/matches/index")
    IndexView index();
}
