package io.openhire.communication.consent.web;

import io.openhire.communication.client.ConsentRequest;
import io.openhire.communication.client.ConsentView;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.messages.Sending;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marketing consent per address, as the organisation's staff (or a service, e.g. a career site sign-up) records
 * it, with its source as evidence. Transactional messages need none; the suppression list wins over consent.
 */
@RestController
@RequestMapping("/api/v1/communications/consents")
class ConsentController {

    private final Suppressions suppressions;

    ConsentController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    ConsentView record(AuthenticatedUser caller, @RequestBody ConsentRequest request) {
        if (request == null || request.granted() == null) {
            throw ProblemException.invalidField("granted", "is required (true or false)");
        }
        String address = address(request.address());
        String source = request.source() == null ? "" : request.source().strip();
        if (source.isEmpty() || source.length() > 300 || source.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField(
                    "source", "say how it was given, in one line of at most 300 characters");
        }
        suppressions.recordConsent(caller.organizationId(), address, request.granted(), source, caller.actor());
        return suppressions.consent(caller.organizationId(), address);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    ConsentView get(AuthenticatedUser caller, @RequestParam String address) {
        return suppressions.consent(caller.organizationId(), address(address));
    }

    private static String address(String address) {
        String valid = Sending.validEmailOrNull(address);
        if (valid == null) {
            throw ProblemException.invalidField("address", "must be one email address");
        }
        return valid;
    }
}
