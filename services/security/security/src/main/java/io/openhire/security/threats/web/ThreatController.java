package io.openhire.security.threats.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.security.client.ThreatAlert;
import io.openhire.security.threats.ThreatAlerts;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/security/threats}: the organisation's threat alerts, newest first; its admins only. */
@RestController
@RequestMapping("/api/v1/security")
class ThreatController {

    private final ThreatAlerts alerts;

    ThreatController(ThreatAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/threats")
    @PreAuthorize("hasRole('ADMIN')")
    List<ThreatAlert> threats(AuthenticatedUser caller, @RequestParam(required = false) Integer limit) {
        int rows = limit == null ? 50 : limit;
        if (rows < 1 || rows > 500) {
            throw ProblemException.invalidField("limit", "must be from 1 to 500");
        }
        return alerts.latest(caller.organizationId(), rows).stream()
                .map(a -> new ThreatAlert(
                        a.id(), a.kind().name(), a.actor(), a.ip(), a.detail(), a.occurredAt(), a.raisedAt()))
                .toList();
    }
}
