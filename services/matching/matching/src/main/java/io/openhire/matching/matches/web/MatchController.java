package io.openhire.matching.matches.web;

import io.openhire.matching.client.JobSettings;
import io.openhire.matching.client.MatchList;
import io.openhire.matching.client.Outcome;
import io.openhire.matching.client.RecordedFeedback;
import io.openhire.matching.client.RevealRequest;
import io.openhire.matching.client.Revealed;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.index.MatchIndex;
import io.openhire.matching.matches.Feedback;
import io.openhire.matching.matches.MatchService;
import io.openhire.matching.matches.MatchSettings;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.ranking.RankerModel;
import io.openhire.matching.ranking.RankerModels;
import io.openhire.matching.ranking.Ranking;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
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

/**
 * Matches, feedback, blind mode and weights, and the index, for recruiters and admins. The records other
 * services read are matching-client's: the match list and feedback are written from there; {@link IndexView}
 * and the requests (which keep their own validation) are held to them by {@code MatchingClientTest}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/matches")
class MatchController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";

    private final MatchService matches;
    private final Feedback feedback;
    private final MatchSettings settings;
    private final MatchIndex index;
    private final RankerModels rankers;
    private final CandidateStore candidates;
    private final Clock clock;

    private final AuditTrail audit;

    MatchController(
            MatchService matches,
            Feedback feedback,
            MatchSettings settings,
            MatchIndex index,
            RankerModels rankers,
            CandidateStore candidates,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.matches = matches;
        this.feedback = feedback;
        this.settings = settings;
        this.index = index;
        this.rankers = rankers;
        this.candidates = candidates;
        this.clock = clock;
    }

    record FeedbackRequest(
            @NotNull UUID jobId,
            @NotNull UUID candidateId,
            @NotNull String outcome,
            @Size(max = 1000) String reason) {}

    record OrganizationSettings(Boolean blind) {}

    record JobSettingsRequest(Boolean blind, Map<String, Double> weights) {}

    /**
     * @param candidates the organisation's resumes in this service's tables
     * @param indexedCandidates … and in the index that answers now (equal once the indexer caught up)
     */
    record IndexView(
            MatchIndex.Status index,
            int candidates,
            int indexedCandidates,
            int indexedJobs,
            Integer rankerVersion,
            String rankerProblem) {}

    record Accepted(String status) {}

    /**
     * Ranked candidates for a job ({@code jobId}), or ranked jobs for a candidate ({@code candidateId}: their
     * newest resume) or for one resume ({@code resumeId}).
     * {@code mode=bm25} ranks by BM25 alone (the baseline the evaluation compares with).
     */
    @GetMapping
    @PreAuthorize(STAFF)
    MatchList matches(
            AuthenticatedUser caller,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) UUID candidateId,
            @RequestParam(required = false) UUID resumeId,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "hybrid") String mode) {
        if (Stream.of(jobId, candidateId, resumeId).filter(Objects::nonNull).count() != 1) {
            throw ProblemException.badRequest("match-subject", "Give exactly one of jobId, candidateId and resumeId.");
        }
        Ranking.Mode rankingMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "hybrid" -> Ranking.Mode.HYBRID;
            case "bm25" -> Ranking.Mode.BM25;
            default -> throw ProblemException.invalidField("mode", "must be hybrid or bm25");
        };
        if (jobId != null) {
            return matches.candidatesForJob(caller.organizationId(), jobId, limit, rankingMode, caller.actor());
        }
        return candidateId != null
                ? matches.jobsForCandidate(caller.organizationId(), candidateId, limit, rankingMode, caller.actor())
                : matches.jobsForResume(caller.organizationId(), resumeId, limit, rankingMode, caller.actor());
    }

    @PostMapping("/feedback")
    @PreAuthorize(STAFF)
    ResponseEntity<RecordedFeedback> feedback(AuthenticatedUser caller, @Valid @RequestBody FeedbackRequest request) {
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(request.outcome());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("outcome", "must be one of " + List.of(Outcome.values()));
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        RecordedFeedback recorded = feedback.record(
                caller.organizationId(), request.jobId(), request.candidateId(), outcome, reason, caller.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }

    @GetMapping("/feedback")
    @PreAuthorize(STAFF)
    List<RecordedFeedback> feedbackForJob(
            AuthenticatedUser caller, @RequestParam UUID jobId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", "must be from 1 to 1000");
        }
        matches.job(caller.organizationId(), jobId);
        return feedback.forJob(caller.organizationId(), jobId, limit);
    }

    /** Blind mode: shows who a candidate is, for one job; recorded and announced. */
    @PostMapping("/reveal")
    @PreAuthorize(STAFF)
    Revealed reveal(AuthenticatedUser caller, @Valid @RequestBody RevealRequest request) {
        CandidateStore.Identity identity =
                feedback.reveal(caller.organizationId(), request.jobId(), request.candidateId(), caller.actor());
        audit.record("candidate.revealed", "candidate", request.candidateId());
        return new Revealed(
                request.jobId(), request.candidateId(), identity.name(), identity.emails(), identity.phones());
    }

    @GetMapping("/settings")
    @PreAuthorize(STAFF)
    OrganizationSettings organizationSettings(AuthenticatedUser caller) {
        return new OrganizationSettings(settings.organizationBlind(caller.organizationId()));
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationSettings setOrganizationSettings(AuthenticatedUser caller, @RequestBody OrganizationSettings request) {
        if (request == null || request.blind() == null) {
            throw ProblemException.invalidField("blind", "must be true or false");
        }
        settings.setOrganizationBlind(caller.organizationId(), request.blind(), caller.actor(), clock.instant());
        return new OrganizationSettings(request.blind());
    }

    @GetMapping("/jobs/{jobId}/settings")
    @PreAuthorize(STAFF)
    JobSettings jobSettings(AuthenticatedUser caller, @PathVariable UUID jobId) {
        matches.job(caller.organizationId(), jobId);
        return jobSettingsView(caller.organizationId(), jobId);
    }

    /** A job's blind mode (null: the organisation's) and category weights (null: the model's). */
    @PutMapping("/jobs/{jobId}/settings")
    @PreAuthorize(STAFF)
    JobSettings setJobSettings(
            AuthenticatedUser caller, @PathVariable UUID jobId, @RequestBody JobSettingsRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "Send {blind?, weights?}.");
        }
        matches.job(caller.organizationId(), jobId);
        Map<ScoreCategory, Double> weights =
                request.weights() == null ? null : RankerModel.validWeights(request.weights());
        settings.setJob(caller.organizationId(), jobId, request.blind(), weights, caller.actor(), clock.instant());
        return jobSettingsView(caller.organizationId(), jobId);
    }

    private JobSettings jobSettingsView(UUID org, UUID jobId) {
        MatchSettings.JobSetting job = settings.job(org, jobId).orElse(null);
        RankerModel model = rankers.current();
        boolean jobBlind = job != null && job.blind() != null;
        boolean jobWeights = job != null && job.weights() != null;
        return new JobSettings(
                jobId,
                jobBlind ? job.blind() : settings.organizationBlind(org),
                jobBlind ? "JOB" : "ORGANIZATION",
                model.weightsWith(jobWeights ? job.weights() : null),
                jobWeights ? "JOB" : "MODEL",
                model.weights(),
                model.version(),
                job == null ? null : job.updatedBy(),
                job == null ? null : job.updatedAt());
    }

    /** Also for platform operators, who follow the rebuilds they start. */
    @GetMapping("/index")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'PLATFORM_OPERATOR')")
    IndexView indexStatus(AuthenticatedUser caller) {
        MatchIndex.Status status = index.status();
        int[] indexed = index.indexedCounts(caller.organizationId());
        return new IndexView(
                status,
                candidates.count(caller.organizationId()),
                indexed[0],
                indexed[1],
                rankers.current().version(),
                rankers.lastProblem());
    }

    /**
     * Rebuilds the index from this service's tables. One index build serves every organisation, so only a
     * platform operator may start one (an organisation's ADMIN is anyone who signed up).
     */
    @PostMapping("/index/rebuild")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    ResponseEntity<Accepted> rebuild(AuthenticatedUser caller) {
        if (!index.rebuild("requested by " + caller.actor())) {
            throw ProblemException.conflict("index-building", "An index build is already running.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("REBUILDING"));
    }
}
