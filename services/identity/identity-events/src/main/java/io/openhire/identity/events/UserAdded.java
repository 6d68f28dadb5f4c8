package io.openhire.identity.events;

import java.time.Instant;
import java.util.UUID;

/** A user joined an organisation: added or invited by an administrator, or as its first admin. */
public record UserAdded(UUID userId, UUID organizationId, String role, String status, Instant occurredAt) {

    public static final String TOPIC = "user.added.v1";
}
