package io.openhire.monitoring.errors.web;

import io.openhire.monitoring.client.ErrorGroup;
import io.openhire.monitoring.client.ErrorGroups;
import io.openhire.monitoring.errors.ErrorLog;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.monitoring.ErrorReport;
import io.openhire.platform.security.AuthenticatedUser;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/errors/report}: any signed-in caller (a service's token, or the dashboard for a user) reports
 * an error, counted against the caller's organisation. {@code GET /api/v1/errors}, {@code /errors/{id}} and
 * {@code POST /errors/{id}/resolve}: platform operators, since one error group spans every organisation.
 */
@RestController
@RequestMapping("/api/v1/errors")
class ErrorController {

    static final int MAX_SIZE = 100;
    private static final Set<String> STATUSES = Set.of("open", "resolved", "all");

    private final ErrorLog errors;

    ErrorController(ErrorLog errors) {
        this.errors = errors;
    }

    /**
     * The report says which service it happened in: the token is the failed work's (a user's, or the calling service's
     * when one service's call failed in another), so it cannot say. The organisation is always the token's, and one
     * organisation's callers start at most {@code new-error-groups-per-hour} new groups.
     */
    @PostMapping("/report")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void report(AuthenticatedUser caller, @Valid @RequestBody ErrorReport report) {
        errors.record(report, report.service(), caller.organizationId());
    }

    @GetMapping
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    ErrorGroups list(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) String service,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        if (!STATUSES.contains(status)) {
            throw DomainException.invalidField("status", "must be open, resolved or all");
        }
        if (service != null && !service.matches("[a-z][a-z0-9-]{0,59}")) {
            throw DomainException.invalidField("service", "must be a service name");
        }
        if (page < 0 || page > 10_000) {
            throw DomainException.invalidField("page", "must be from 0 to 10000");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalidField("size", "must be from 1 to " + MAX_SIZE);
        }
        return errors.list(status.equals("all") ? null : status, service, page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    ErrorGroup one(@PathVariable UUID id) {
        return errors.find(id).orElseThrow(() -> DomainException.notFound("Error " + id));
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    ErrorGroup resolve(AuthenticatedUser caller, @PathVariable UUID id) {
        return errors.resolve(id, caller.actor()).orElseThrow(() -> DomainException.notFound("Error " + id));
    }
}
