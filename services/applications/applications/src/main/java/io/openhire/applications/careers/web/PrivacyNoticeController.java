package io.openhire.applications.careers.web;

import io.openhire.applications.careers.CareerSites;
import io.openhire.applications.client.PrivacyNotice;
import io.openhire.applications.client.PrivacyNoticeUpdate;
import io.openhire.platform.security.AuthenticatedUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The privacy notice applicants consent to: read by staff, a new version written by admins. */
@RestController
@RequestMapping("/api/v1/applications/privacy-notice")
class PrivacyNoticeController {

    private final CareerSites sites;

    PrivacyNoticeController(CareerSites sites) {
        this.sites = sites;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    PrivacyNotice notice(AuthenticatedUser caller) {
        return sites.notice(caller.organizationId());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    PrivacyNotice write(AuthenticatedUser caller, @RequestBody PrivacyNoticeUpdate update) {
        return sites.writeNotice(caller.organizationId(), update == null ? null : update.text(), caller.actor());
    }
}
