package io.openhire.applications.retention.web;

import io.openhire.applications.client.InactiveCandidate;
import io.openhire.applications.retention.InactiveCandidates;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/candidates/inactive}: who a retention rule reaches (the privacy service's run; services only). */
@RestController
class RetentionController {

    static final int MAX_LIMIT = 1_000;

    private final InactiveCandidates inactive;

    RetentionController(InactiveCandidates inactive) {
        this.inactive = inactive;
    }

    @GetMapping("/api/v1/candidates/inactive")
    @PreAuthorize("hasRole('SERVICE')")
    List<InactiveCandidate> inactive(
            AuthenticatedUser caller, @RequestParam Instant before, @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 200 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return inactive.since(caller.organizationId(), before, n);
    }
}
