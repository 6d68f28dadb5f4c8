package io.openhire.monitoring.status.web;

import io.openhire.monitoring.client.PlatformStatus;
import io.openhire.monitoring.status.PlatformStatusService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/monitoring/status}: organisation admins and platform operators. It holds no organisation's
 * data — service names, states, versions, counts — only the shape of the platform they all run on.
 */
@RestController
class StatusController {

    private final PlatformStatusService status;

    StatusController(PlatformStatusService status) {
        this.status = status;
    }

    @GetMapping("/api/v1/monitoring/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_OPERATOR')")
    PlatformStatus status() {
        return status.status();
    }
}
