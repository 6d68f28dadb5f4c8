package io.openhire.identity.account;

import java.time.Instant;
import java.util.UUID;

/** A user as stored; the password hash never leaves this service. */
public record User(
        UUID id,
        UUID organizationId,
        String organizationName,
        String email,
        String name,
        Role role,
        Status status,
        String passwordHash,
        String title,
        String phone,
        String locale,
        String timeZone,
        int failedLogins,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt,
        boolean platformOperator) {

    public enum Status {
        ACTIVE,
        /** Added by an admin; becomes ACTIVE when they accept the invitation and choose a password. */
        INVITED,
        DISABLED
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
