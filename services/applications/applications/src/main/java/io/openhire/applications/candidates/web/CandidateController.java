package io.openhire.applications.candidates.web;

import io.openhire.applications.candidates.CandidateSearch;
import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.candidates.Notes;
import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.CandidatePage;
import io.openhire.applications.client.CandidateQuery;
import io.openhire.applications.client.CandidateView;
import io.openhire.applications.client.MergeRequest;
import io.openhire.applications.client.NoteRequest;
import io.openhire.applications.client.NoteView;
import io.openhire.applications.client.SaveSearchRequest;
import io.openhire.applications.client.SavedSearch;
import io.openhire.applications.client.SplitRequest;
import io.openhire.applications.client.TagsUpdate;
import io.openhire.applications.pipeline.Pipeline;
import io.openhire.identity.client.IdentityApi;
import io.openhire.platform.audit.AuditTrail;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Candidates as people, for the organisation's staff: search, records, corrections, tags, notes, merges. */
@RestController
@Validated
@RequestMapping("/api/v1/candidates")
class CandidateController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";
    private static final String STAFF_OR_SERVICE = "hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')";

    private final Candidates candidates;
    private final CandidateSearch search;
    private final Notes notes;
    private final Pipeline pipeline;
    private final IdentityApi identity;
    private final io.openhire.applications.candidates.Authors authors;

    private final AuditTrail audit;

    CandidateController(
            Candidates candidates,
            CandidateSearch search,
            Notes notes,
            Pipeline pipeline,
            IdentityApi identity,
            io.openhire.applications.candidates.Authors authors,
            AuditTrail audit) {
        this.audit = audit;
        this.authors = authors;
        this.candidates = candidates;
        this.search = search;
        this.notes = notes;
        this.pipeline = pipeline;
        this.identity = identity;
    }

    @GetMapping
    @PreAuthorize(STAFF)
    CandidatePage search(
            AuthenticatedUser caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
        return search.search(
                caller.organizationId(),
                new CandidateQuery(q, skill, title, location, tag, stageId, jobId),
                page,
                size);
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF_OR_SERVICE)
    CandidateView candidate(AuthenticatedUser caller, @PathVariable UUID id) {
        CandidateView view = view(caller.organizationId(), candidates.require(caller.organizationId(), id));
        audit.read("candidate.viewed", "candidate", id);
        return view;
    }

    @GetMapping("/of-resume/{resumeId}")
    @PreAuthorize(STAFF_OR_SERVICE)
    CandidateView ofResume(AuthenticatedUser caller, @PathVariable UUID resumeId) {
        UUID org = caller.organizationId();
        UUID id = candidates.ofResume(org, resumeId).orElseThrow(() -> ProblemException.notFound("The candidate"));
        CandidateView candidate = view(org, candidates.require(org, id));
        // the dashboard's candidate page opens a person this way: a read of their record like GET /{id}
        audit.read("candidate.viewed", "candidate", id);
        return candidate;
    }

    @PatchMapping("/{id}")
    @PreAuthorize(STAFF)
    CandidateView correct(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody CandidateCorrection fix) {
        return view(caller.organizationId(), candidates.correct(caller.organizationId(), id, fix, caller.actor()));
    }

    @PutMapping("/{id}/tags")
    @PreAuthorize(STAFF)
    CandidateView tag(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody TagsUpdate tags) {
        return view(
                caller.organizationId(),
                candidates.tag(caller.organizationId(), id, tags == null ? null : tags.tags(), caller.actor()));
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(STAFF)
    CandidateView merge(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody MergeRequest merge) {
        return view(
                caller.organizationId(),
                candidates.merge(
                        caller.organizationId(), id, merge == null ? null : merge.candidateId(), caller.actor()));
    }

    @PostMapping("/{id}/split")
    @PreAuthorize(STAFF)
    ResponseEntity<CandidateView> split(
            AuthenticatedUser caller, @PathVariable UUID id, @RequestBody SplitRequest split) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(view(
                        caller.organizationId(),
                        candidates.split(
                                caller.organizationId(), id, split == null ? null : split.resumeId(), caller.actor())));
    }

    @GetMapping("/{id}/notes")
    @PreAuthorize(STAFF)
    List<NoteView> notes(AuthenticatedUser caller, @PathVariable UUID id) {
        return notes.of(caller.organizationId(), id);
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize(STAFF)
    ResponseEntity<NoteView> addNote(
            AuthenticatedUser caller,
            @RequestHeader("Authorization") String bearer,
            @PathVariable UUID id,
            @RequestBody NoteRequest note) {
        if (note == null) {
            throw ProblemException.invalidField("text", "is required");
        }
        checkMentions(note.mentions());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(notes.add(
                        caller.organizationId(),
                        id,
                        note.applicationId(),
                        note.text(),
                        note.mentions(),
                        caller.actor(),
                        authors.nameOf(caller, bearer)));
    }

    @GetMapping("/searches")
    @PreAuthorize(STAFF)
    List<SavedSearch> savedSearches(AuthenticatedUser caller) {
        return search.saved(caller.organizationId(), person(caller));
    }

    @PostMapping("/searches")
    @PreAuthorize(STAFF)
    ResponseEntity<SavedSearch> saveSearch(AuthenticatedUser caller, @RequestBody SaveSearchRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("name", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(search.save(caller.organizationId(), person(caller), request.name(), request.query()));
    }

    @DeleteMapping("/searches/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<Void> deleteSearch(AuthenticatedUser caller, @PathVariable UUID id) {
        search.delete(caller.organizationId(), person(caller), id);
        return ResponseEntity.noContent().build();
    }

    private CandidateView view(UUID org, Candidates.Stored c) {
        return new CandidateView(
                c.id(),
                c.value("name"),
                c.value("email"),
                c.value("headline") != null ? c.value("headline") : c.value("currentTitle"),
                c.value("location"),
                c.fields(),
                c.skills(),
                c.titles(),
                c.tags(),
                c.resumes().stream()
                        .map(r -> new CandidateView.Resume(r.resumeId(), r.revision(), r.parsedAt()))
                        .toList(),
                pipeline.ofCandidate(org, c.id()),
                c.mergedInto(),
                c.updatedAt());
    }

    /**
     * Only colleagues can be mentioned: the organisation's staff as identity lists them (asked with the caller's
     * token). Unverifiable while identity is away: a note with mentions waits for it.
     */
    private void checkMentions(List<UUID> mentions) {
        if (mentions == null || mentions.isEmpty()) {
            return;
        }
        if (mentions.size() > 20) {
            throw ProblemException.invalidField("mentions", "at most 20 colleagues");
        }
        java.util.Set<UUID> staff = identity.colleagues().stream()
                .map(io.openhire.identity.client.Colleague::id)
                .collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < mentions.size(); i++) {
            if (mentions.get(i) == null || !staff.contains(mentions.get(i))) {
                throw ProblemException.invalidField("mentions[" + i + "]", "is not a colleague of this organisation");
            }
        }
    }

    private static UUID person(AuthenticatedUser caller) {
        if (caller.kind() != AuthenticatedUser.Kind.USER) {
            throw ProblemException.forbidden("Saved searches belong to people: sign in as one.");
        }
        return caller.userId();
    }
}
