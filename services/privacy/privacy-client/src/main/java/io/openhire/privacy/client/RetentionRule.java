package io.openhire.privacy.client;

import java.time.Instant;

/**
 * An organisation's retention rule: candidates with no activity for {@code inactiveMonths} (6–120) are erased
 * (an erasure request each, answered by every service as any other), unless they consented to be kept in the
 * talent pool. Off until an admin turns it on.
 */
public record RetentionRule(int inactiveMonths, boolean enabled, String updatedBy, Instant updatedAt) {}
