package io.openhire.matching.profiles.web;

import io.openhire.matching.client.CandidateContact;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who a candidate is and how to reach them: matching groups resumes into candidates (by email address), so
 * it answers for the person behind a resume. Staff of the organisation and services (communication, which
 * sends to candidates) may ask; another organisation's candidate is not found.
 */
@RestController
@RequestMapping("/api/v1/matches/candidates")
class CandidateController {

    private final CandidateStore candidates;

    CandidateController(CandidateStore candidates) {
        this.candidates = candidates;
    }

    @GetMapping("/{candidateId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    CandidateContact candidate(AuthenticatedUser caller, @PathVariable UUID candidateId) {
        return contact(caller.organizationId(), candidateId);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    CandidateContact candidateOfResume(AuthenticatedUser caller, @RequestParam UUID resumeId) {
        UUID org = caller.organizationId();
        UUID candidateId = candidates
                .find(org, resumeId)
                .orElseThrow(() -> ProblemException.notFound("The resume's candidate"))
                .facts()
                .candidateId();
        return contact(org, candidateId);
    }

    private CandidateContact contact(UUID org, UUID candidateId) {
        List<UUID> resumes = candidates.resumesOf(org, candidateId);
        CandidateStore.Identity identity = candidates
                .identity(org, candidateId)
                .filter(i -> !resumes.isEmpty())
                .orElseThrow(() -> ProblemException.notFound("The candidate"));
        return new CandidateContact(candidateId, identity.name(), identity.emails(), identity.phones(), resumes);
    }
}
