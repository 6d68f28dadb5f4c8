package io.openhire.identity.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A user as identity shows them (never their password hash); fields the user has not set are left out.
 *
 * @param locale a language tag ({@code en}, {@code en-GB})
 * @param timeZone an IANA time zone ({@code Europe/Paris})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserProfile(
        UUID id,
        Organization organization,
        String email,
        String name,
        Role role,
        UserStatus status,
        String title,
        String phone,
        String locale,
        String timeZone,
        Instant createdAt,
        Instant updatedAt) {}
