package io.openhire.communication.interviews.web;

import io.openhire.communication.client.CancelRequest;
import io.openhire.communication.client.InterviewRequest;
import io.openhire.communication.client.InterviewView;
import io.openhire.communication.client.RescheduleRequest;
import io.openhire.communication.interviews.Interviews;
import io.openhire.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Interviews for the organisation's staff: propose, follow, move, cancel. */
@RestController
@RequestMapping("/api/v1/communications/interviews")
class InterviewController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";

    private final Interviews interviews;

    InterviewController(Interviews interviews) {
        this.interviews = interviews;
    }

    @PostMapping
    @PreAuthorize(STAFF)
    ResponseEntity<InterviewView> propose(
            AuthenticatedUser caller,
            @RequestHeader(name = "Authorization", required = false) String bearer,
            @RequestBody InterviewRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(interviews.propose(caller, bearer, request));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    List<InterviewView> forCandidate(AuthenticatedUser caller, @RequestParam UUID candidateId) {
        return interviews.forCandidate(caller.organizationId(), candidateId);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    InterviewView one(AuthenticatedUser caller, @PathVariable UUID id) {
        return interviews.one(caller.organizationId(), id);
    }

    @PostMapping("/{id}/reschedule")
    @PreAuthorize(STAFF)
    InterviewView reschedule(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody RescheduleRequest request) {
        return interviews.reschedule(caller, id, request == null ? null : request.startsAt());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(STAFF)
    InterviewView cancel(
            AuthenticatedUser caller, @PathVariable UUID id, @RequestBody(required = false) CancelRequest request) {
        return interviews.cancel(caller, id, request == null ? null : request.reason());
    }
}
