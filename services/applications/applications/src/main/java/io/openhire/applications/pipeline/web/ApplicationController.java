package io.openhire.applications.pipeline.web;

import io.openhire.applications.candidates.Authors;
import io.openhire.applications.client.ApplicationPage;
import io.openhire.applications.client.ApplicationSource;
import io.openhire.applications.client.ApplicationView;
import io.openhire.applications.client.Board;
import io.openhire.applications.client.BulkMoveRequest;
import io.openhire.applications.client.BulkMoveResult;
import io.openhire.applications.client.CreateApplicationRequest;
import io.openhire.applications.client.JobCriteria;
import io.openhire.applications.client.MoveRequest;
import io.openhire.applications.client.Scorecard;
import io.openhire.applications.client.ScorecardRequest;
import io.openhire.applications.client.Scorecards;
import io.openhire.applications.pipeline.Pipeline;
import io.openhire.applications.pipeline.ScorecardBook;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pipeline: applications of the caller's organisation, their boards and their moves. */
@RestController
@Validated
@RequestMapping("/api/v1/applications")
class ApplicationController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";
    private static final String STAFF_OR_SERVICE = "hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')";

    private final Pipeline pipeline;
    private final ScorecardBook scorecards;
    private final Authors authors;
    private final io.openhire.applications.jobs.JobQuestions questions;

    ApplicationController(
            Pipeline pipeline,
            ScorecardBook scorecards,
            Authors authors,
            io.openhire.applications.jobs.JobQuestions questions) {
        this.questions = questions;
        this.pipeline = pipeline;
        this.scorecards = scorecards;
        this.authors = authors;
    }

    @GetMapping("/jobs/{jobId}/criteria")
    @PreAuthorize(STAFF)
    JobCriteria criteria(AuthenticatedUser caller, @PathVariable UUID jobId) {
        return scorecards.criteria(caller.organizationId(), jobId);
    }

    @PutMapping("/jobs/{jobId}/criteria")
    @PreAuthorize(STAFF)
    JobCriteria saveCriteria(AuthenticatedUser caller, @PathVariable UUID jobId, @RequestBody List<String> criteria) {
        return scorecards.saveCriteria(caller.organizationId(), jobId, criteria);
    }

    @GetMapping("/jobs/{jobId}/questions")
    @PreAuthorize(STAFF)
    List<io.openhire.applications.client.JobQuestion> questions(AuthenticatedUser caller, @PathVariable UUID jobId) {
        return questions.of(caller.organizationId(), jobId);
    }

    @PutMapping("/jobs/{jobId}/questions")
    @PreAuthorize(STAFF)
    List<io.openhire.applications.client.JobQuestion> saveQuestions(
            AuthenticatedUser caller,
            @PathVariable UUID jobId,
            @RequestBody List<io.openhire.applications.client.JobQuestion> questions) {
        return this.questions.save(caller.organizationId(), jobId, questions);
    }

    @GetMapping("/{id}/scorecards")
    @PreAuthorize(STAFF)
    Scorecards scorecards(AuthenticatedUser caller, @PathVariable UUID id) {
        return scorecards.of(caller.organizationId(), id);
    }

    /** The caller's own card (a person's: a key or a service has no opinion to give). */
    @PutMapping("/{id}/scorecard")
    @PreAuthorize(STAFF)
    Scorecard score(
            AuthenticatedUser caller,
            @org.springframework.web.bind.annotation.RequestHeader("Authorization") String bearer,
            @PathVariable UUID id,
            @RequestBody(required = false) ScorecardRequest card) {
        if (caller.kind() != AuthenticatedUser.Kind.USER) {
            throw ProblemException.forbidden("Scorecards are people's: sign in as one.");
        }
        if (card == null) {
            throw ProblemException.invalidField("overall", "is required");
        }
        return scorecards.score(
                caller.organizationId(),
                id,
                card.ratings(),
                card.overall(),
                card.comment(),
                caller.actor(),
                authors.nameOf(caller, bearer));
    }

    @PostMapping
    @PreAuthorize(STAFF_OR_SERVICE)
    ResponseEntity<ApplicationView> create(AuthenticatedUser caller, @RequestBody CreateApplicationRequest request) {
        if (request == null || request.candidateId() == null) {
            throw ProblemException.invalidField("candidateId", "is required");
        }
        if (request.jobId() == null) {
            throw ProblemException.invalidField("jobId", "is required");
        }
        if (request.source() == null) {
            throw ProblemException.invalidField(
                    "source", "is required: one of CAREER_SITE, JOB_BOARD, REFERRAL, " + "EMAIL, UPLOAD, MATCHING");
        }
        String detail = request.sourceDetail() == null || request.sourceDetail().isBlank()
                ? null
                : request.sourceDetail().strip();
        if (detail != null && (detail.length() > 200 || detail.chars().anyMatch(Character::isISOControl))) {
            throw ProblemException.invalidField("sourceDetail", "at most 200 characters on one line");
        }
        ApplicationSource source = request.source();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(pipeline.create(
                        caller.organizationId(),
                        request.candidateId(),
                        request.jobId(),
                        source,
                        detail,
                        request.resumeId(),
                        caller.actor()));
    }

    /** A job's applications, or a candidate's: exactly one of the two. */
    @GetMapping
    @PreAuthorize(STAFF_OR_SERVICE)
    ApplicationPage list(
            AuthenticatedUser caller,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) UUID candidateId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if ((jobId == null) == (candidateId == null)) {
            throw ProblemException.badRequest("job-or-candidate", "Give jobId or candidateId (one of the two).");
        }
        return jobId != null
                ? pipeline.ofJob(caller.organizationId(), jobId, page, size)
                : pipeline.ofCandidate(caller.organizationId(), candidateId, page, size);
    }

    @GetMapping("/board")
    @PreAuthorize(STAFF)
    Board board(AuthenticatedUser caller, @RequestParam UUID jobId) {
        return pipeline.board(caller.organizationId(), jobId);
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF_OR_SERVICE)
    ApplicationView application(AuthenticatedUser caller, @PathVariable UUID id) {
        return pipeline.view(caller.organizationId(), id);
    }

    @PostMapping("/{id}/move")
    @PreAuthorize(STAFF)
    ApplicationView move(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody MoveRequest move) {
        if (move == null) {
            throw ProblemException.invalidField("stageId", "is required");
        }
        return pipeline.move(caller.organizationId(), id, move.stageId(), move.reason(), caller.actor());
    }

    @PostMapping("/{id}/undo")
    @PreAuthorize(STAFF)
    ApplicationView undo(AuthenticatedUser caller, @PathVariable UUID id) {
        return pipeline.undo(caller.organizationId(), id, caller.actor());
    }

    /** Records that the candidate withdrew (they told the recruiter). */
    @PostMapping("/{id}/withdraw")
    @PreAuthorize(STAFF)
    ApplicationView withdraw(AuthenticatedUser caller, @PathVariable UUID id) {
        return pipeline.withdraw(caller.organizationId(), id, caller.actor());
    }

    @PostMapping("/move")
    @PreAuthorize(STAFF)
    BulkMoveResult moveAll(AuthenticatedUser caller, @RequestBody BulkMoveRequest move) {
        if (move == null) {
            throw ProblemException.invalidField("applicationIds", "is required");
        }
        return pipeline.moveAll(
                caller.organizationId(), move.applicationIds(), move.stageId(), move.reason(), caller.actor());
    }
}
