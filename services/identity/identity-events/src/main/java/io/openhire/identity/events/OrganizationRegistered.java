package io.openhire.identity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A new organisation (tenant) signed up, with its first administrator. Carries no personal data: a
 * consumer that needs the admin's contact details asks identity's API.
 */
public record OrganizationRegistered(
        UUID organizationId, String organizationName, UUID adminUserId, Instant occurredAt) {

    public static final String TOPIC = "organization.registered.v1";
}
