package io.openhire.applications.stages.web;

import io.openhire.applications.client.Stages;
import io.openhire.applications.client.StagesUpdate;
import io.openhire.applications.stages.StageCatalog;
import io.openhire.platform.security.AuthenticatedUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's stages and rejection reasons: read by its staff, changed by its admins. */
@RestController
@RequestMapping("/api/v1/applications/stages")
class StageController {

    private final StageCatalog stages;

    StageController(StageCatalog stages) {
        this.stages = stages;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    Stages stages(AuthenticatedUser caller) {
        return stages.stages(caller.organizationId());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    Stages save(AuthenticatedUser caller, @RequestBody StagesUpdate update) {
        return stages.save(caller.organizationId(), update);
    }
}
