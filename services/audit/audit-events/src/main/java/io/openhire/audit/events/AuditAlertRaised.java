package io.openhire.audit.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation's alert rule was crossed (topic {@value #TOPIC}): one actor did {@code action} more than
 * {@code threshold} times within {@code windowMinutes} (e.g. more than 20 resume downloads by one user in an hour).
 * Raised once per rule and actor per window. Names people and records by id only.
 *
 * @param actor who did it: {@code user:<id>}, {@code api-key:<id>} or {@code service:<name>}
 * @param entries how many such entries the window held when the alert was raised
 * @param notifyUserId the admin who set the rule, who is told; null when an API key set it
 */
public record AuditAlertRaised(
        UUID alertId,
        UUID organizationId,
        UUID ruleId,
        String ruleName,
        String actor,
        String action,
        int threshold,
        int windowMinutes,
        int entries,
        UUID notifyUserId,
        Instant raisedAt) {

    public static final String TOPIC = "audit.alert-raised.v1";
}
