package io.openhire.audit.client;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation's alert rule: raise an alert when one person (or key, or service) does {@code action} more than
 * {@code threshold} times within {@code windowMinutes}; the admin who set it is notified.
 *
 * @param createdBy {@code user:<id>} or {@code api-key:<id>}
 */
public record AlertRule(
        UUID id, String name, String action, int threshold, int windowMinutes, String createdBy, Instant createdAt) {}
