package io.openhire.resumeprocessing.pipeline.web;

import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.pipeline.ProfileStore;
import io.openhire.resumeprocessing.pipeline.Reparsing;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resume's parsed profile, and re-parsing. Candidates read their profile through resume-ingestion,
 * which checks that the resume is theirs; here only staff and services.
 */
@RestController
@RequestMapping("/api/v1/resumes")
class ProfileController {

    private final ProfileStore store;
    private final Reparsing reparsing;
    private final JsonMapper json;
    private final AuditTrail audit;

    ProfileController(ProfileStore store, Reparsing reparsing, JsonMapper json, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.reparsing = reparsing;
        this.json = json;
    }

    record BulkReparse(Boolean all) {}

    record Queued(int queued, String parserVersion) {}

    /** Answers with resume-processing-client's record, so that its callers read exactly what is written here. */
    @GetMapping("/{id}/profile")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    ProfileView profile(
            AuthenticatedUser caller,
            @PathVariable UUID id,
            @RequestParam(name = "include", required = false) String include) {
        // The extracted text is for services that index or show evidence from it (matching); on request only.
        boolean withText = "text".equals(include);
        ProfileStore.StoredProfile p = store.profile(caller.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("The resume's profile"));
        audit.read("resume.profile-viewed", "resume", id);
        return new ProfileView(
                p.resumeId(),
                p.status(),
                p.reason(),
                p.revision(),
                p.parserVersion(),
                p.taxonomyVersion(),
                p.parseMillis(),
                p.parsedAt(),
                // Stored as the parser wrote it: a CandidateProfile.
                p.profileJson() == null ? null : json.readValue(p.profileJson(), CandidateProfile.class),
                withText ? p.text() : null);
    }

    @PostMapping("/{id}/reparse")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<Queued> reparse(AuthenticatedUser caller, @PathVariable UUID id) {
        reparsing.one(caller.organizationId(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Queued(1, reparsing.parserVersion()));
    }

    /** Re-parses the organisation's backlog: by default only profiles built by an older parser. */
    @PostMapping("/reparse")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Queued> reparseAll(AuthenticatedUser caller, @RequestBody(required = false) BulkReparse request) {
        boolean all = request != null && Boolean.TRUE.equals(request.all());
        int queued = reparsing.backlog(caller.organizationId(), all);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Queued(queued, reparsing.parserVersion()));
    }
}
