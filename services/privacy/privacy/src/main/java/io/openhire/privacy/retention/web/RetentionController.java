package io.openhire.privacy.retention.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.RetentionRule;
import io.openhire.privacy.client.RetentionRuleUpdate;
import io.openhire.privacy.client.RetentionRun;
import io.openhire.privacy.retention.Retention;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/privacy/retention}: the organisation's retention rule, its runs, and a run now (admins). */
@RestController
@RequestMapping("/api/v1/privacy/retention")
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    RetentionRule rule(AuthenticatedUser caller) {
        return retention.rule(caller.organizationId());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    RetentionRule set(AuthenticatedUser caller, @RequestBody RetentionRuleUpdate update) {
        if (update == null
                || update.inactiveMonths() == null
                || update.inactiveMonths() < 6
                || update.inactiveMonths() > 120) {
            throw ProblemException.invalidField("inactiveMonths", "must be from 6 to 120");
        }
        if (update.enabled() == null) {
            throw ProblemException.invalidField("enabled", "is required: true or false");
        }
        return retention.setRule(caller.organizationId(), update.inactiveMonths(), update.enabled(), caller.actor());
    }

    @PostMapping("/run")
    @PreAuthorize("hasRole('ADMIN')")
    RetentionRun run(AuthenticatedUser caller) {
        return retention.run(caller.organizationId(), "ADMIN");
    }

    @GetMapping("/runs")
    @PreAuthorize("hasRole('ADMIN')")
    List<RetentionRun> runs(AuthenticatedUser caller) {
        return retention.runs(caller.organizationId(), 20);
    }
}
