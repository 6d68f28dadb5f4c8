package io.openhire.applications.client;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * applications' API for the dashboard and other services, as an HTTP interface for {@code ServiceClients}:
 * the pipeline (applications moving through the organisation's stages) and candidates as people. For staff
 * (ADMIN, RECRUITER) with the caller's token; changing the stages is for admins.
 *
 * <pre>{@code
 * ApplicationsApi applications = serviceClients.create(ApplicationsApi.class, "applications");
 * ApplicationView added = applications.create(new CreateApplicationRequest(candidateId, jobId, ApplicationSource.MATCHING));
 * Board board = applications.board(jobId);
 * }</pre>
 */
public interface ApplicationsApi {

    @GetExchange("/api/v1/applications/stages")
    Stages stages();

    @PutExchange("/api/v1/applications/stages")
    Stages saveStages(@RequestBody StagesUpdate update);

    /** Answers 201; a 409 ({@code application-exists}, with {@code applicationId}) when the pair has one. */
    @PostExchange("/api/v1/applications")
    ApplicationView create(@RequestBody CreateApplicationRequest request);

    @GetExchange("/api/v1/applications/{id}")
    ApplicationView application(@PathVariable UUID id);

    /** The job's applications, one column per stage. */
    @GetExchange("/api/v1/applications/board")
    Board board(@RequestParam UUID jobId);

    /** A job's or a candidate's applications (one of the two), newest first. */
    @GetExchange("/api/v1/applications")
    ApplicationPage applicationsOfJob(@RequestParam UUID jobId, @RequestParam int page, @RequestParam int size);

    @PostExchange("/api/v1/applications/{id}/move")
    ApplicationView move(@PathVariable UUID id, @RequestBody MoveRequest move);

    /** Takes back the application's last move (again: the one before); 409 when there is none left. */
    @PostExchange("/api/v1/applications/{id}/undo")
    ApplicationView undo(@PathVariable UUID id);

    @PostExchange("/api/v1/applications/move")
    BulkMoveResult moveAll(@RequestBody BulkMoveRequest move);

    @GetExchange("/api/v1/applications/jobs/{jobId}/criteria")
    JobCriteria criteria(@PathVariable UUID jobId);

    @PutExchange("/api/v1/applications/jobs/{jobId}/criteria")
    JobCriteria saveCriteria(@PathVariable UUID jobId, @RequestBody List<String> criteria);

    @GetExchange("/api/v1/applications/jobs/{jobId}/questions")
    List<JobQuestion> questions(@PathVariable UUID jobId);

    @PutExchange("/api/v1/applications/jobs/{jobId}/questions")
    List<JobQuestion> saveQuestions(@PathVariable UUID jobId, @RequestBody List<JobQuestion> questions);

    @GetExchange("/api/v1/applications/{id}/scorecards")
    Scorecards scorecards(@PathVariable UUID id);

    /** The caller's scorecard for the application's current stage (Screening, Interview or Offer). */
    @PutExchange("/api/v1/applications/{id}/scorecard")
    Scorecard score(@PathVariable UUID id, @RequestBody ScorecardRequest scorecard);

    /** Candidate search; every parameter optional (null: not filtered). */
    @GetExchange("/api/v1/candidates")
    CandidatePage candidates(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) UUID jobId,
            @RequestParam int page,
            @RequestParam int size);

    @GetExchange("/api/v1/candidates/{id}")
    CandidateView candidate(@PathVariable UUID id);

    /** The person a resume belongs to; 404 until applications has the resume's parse. */
    @GetExchange("/api/v1/candidates/of-resume/{resumeId}")
    CandidateView candidateOfResume(@PathVariable UUID resumeId);

    @PatchExchange("/api/v1/candidates/{id}")
    CandidateView correct(@PathVariable UUID id, @RequestBody CandidateCorrection correction);

    @PutExchange("/api/v1/candidates/{id}/tags")
    CandidateView tag(@PathVariable UUID id, @RequestBody TagsUpdate tags);

    @PostExchange("/api/v1/candidates/{id}/merge")
    CandidateView merge(@PathVariable UUID id, @RequestBody MergeRequest merge);

    /** Answers the new record of the resume taken out. */
    @PostExchange("/api/v1/candidates/{id}/split")
    CandidateView split(@PathVariable UUID id, @RequestBody SplitRequest split);

    @GetExchange("/api/v1/candidates/{id}/notes")
    List<NoteView> notes(@PathVariable UUID id);

    @PostExchange("/api/v1/candidates/{id}/notes")
    NoteView addNote(@PathVariable UUID id, @RequestBody NoteRequest note);

    @GetExchange("/api/v1/candidates/searches")
    List<SavedSearch> savedSearches();

    @PostExchange("/api/v1/candidates/searches")
    SavedSearch saveSearch(@RequestBody SaveSearchRequest search);

    @DeleteExchange("/api/v1/candidates/searches/{id}")
    void deleteSearch(@PathVariable UUID id);
}
