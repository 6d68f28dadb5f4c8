package io.openhire.applications.clients.web;

import io.openhire.applications.candidates.Authors;
import io.openhire.applications.client.ClientFeedbackRequest;
import io.openhire.applications.client.ClientFeedbackView;
import io.openhire.applications.client.ClientJob;
import io.openhire.applications.client.Shortlist;
import io.openhire.applications.clients.Shortlists;
import io.openhire.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The client portal's API: a CLIENT user sees the jobs run for their company and the candidates shared there. */
@RestController
@RequestMapping("/api/v1/client-portal")
@PreAuthorize("hasRole('CLIENT')")
class ClientPortalController {

    private final Shortlists shortlists;
    private final Authors authors;

    ClientPortalController(Shortlists shortlists, Authors authors) {
        this.shortlists = shortlists;
        this.authors = authors;
    }

    @GetMapping("/jobs")
    List<ClientJob> jobs(AuthenticatedUser caller) {
        return shortlists.jobs(caller);
    }

    @GetMapping("/jobs/{jobId}")
    Shortlist shortlist(AuthenticatedUser caller, @PathVariable UUID jobId) {
        return shortlists.shortlist(caller, jobId);
    }

    @PostMapping("/applications/{id}/feedback")
    ResponseEntity<ClientFeedbackView> feedback(
            AuthenticatedUser caller,
            @RequestHeader(value = "Authorization", required = false) String bearer,
            @PathVariable UUID id,
            @RequestBody(required = false) ClientFeedbackRequest request) {
        return ResponseEntity.status(201)
                .body(shortlists.feedback(caller, id, request, authors.nameOf(caller, bearer)));
    }
}
