package io.openhire.audit.log.web;

import io.openhire.audit.client.AlertRule;
import io.openhire.audit.client.NewAlertRule;
import io.openhire.audit.client.RaisedAlert;
import io.openhire.audit.log.AlertRules;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/logs/alert}: the organisation's alert rules ("more than 20 resume downloads by one person in an
 * hour"), and {@code /api/v1/logs/alerts}: the alerts they raised. Its admins only.
 */
@RestController
@RequestMapping("/api/v1/logs")
class AlertController {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9._-]{0,99}");
    static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;
    static final int MAX_THRESHOLD = 100_000;

    private final AlertRules rules;

    AlertController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping("/alert")
    @PreAuthorize("hasRole('ADMIN')")
    List<AlertRule> rules(AuthenticatedUser caller) {
        return rules.rules(caller.organizationId());
    }

    @PostMapping("/alert")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AlertRule> add(AuthenticatedUser caller, @RequestBody NewAlertRule rule) {
        if (rule == null) {
            throw ProblemException.invalidField("name", "is required");
        }
        String name = rule.name() == null ? "" : rule.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.invalidField("name", "must be 1 to 100 characters");
        }
        if (rule.action() == null || !ACTION.matcher(rule.action()).matches()) {
            throw ProblemException.invalidField("action", "must be an action's name, e.g. resume.downloaded");
        }
        if (rule.threshold() == null || rule.threshold() < 1 || rule.threshold() > MAX_THRESHOLD) {
            throw ProblemException.invalidField("threshold", "must be from 1 to " + MAX_THRESHOLD);
        }
        if (rule.windowMinutes() == null || rule.windowMinutes() < 1 || rule.windowMinutes() > MAX_WINDOW_MINUTES) {
            throw ProblemException.invalidField(
                    "windowMinutes", "must be from 1 to " + MAX_WINDOW_MINUTES + " (a week)");
        }
        UUID notify = caller.kind() == AuthenticatedUser.Kind.USER ? caller.userId() : null;
        AlertRule added = rules.add(
                caller.organizationId(),
                name,
                rule.action(),
                rule.threshold(),
                rule.windowMinutes(),
                caller.actor(),
                notify);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/alert/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> remove(AuthenticatedUser caller, @PathVariable UUID id) {
        if (!rules.remove(caller.organizationId(), id)) {
            throw ProblemException.notFound("The alert rule");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/alerts")
    @PreAuthorize("hasRole('ADMIN')")
    List<RaisedAlert> alerts(AuthenticatedUser caller) {
        return rules.alerts(caller.organizationId());
    }
}
