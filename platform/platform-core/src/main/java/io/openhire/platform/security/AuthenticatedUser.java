package io.openhire.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the access token says: the subject (a user id, or an API key id for machine
 * clients), the organisation every query must be scoped to, and the roles.
 *
 * <p>Declare it as a controller method parameter to receive it, or call {@link CurrentUser#get()}.
 */
public record AuthenticatedUser(String subject, UUID organizationId, Set<String> roles, Kind kind) {

    public enum Kind {
        USER,
        API_KEY,
        /** Another OpenHire service acting for one organisation (role {@code SERVICE}), e.g. from a Kafka listener. */
        SERVICE
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The user's id; only users have one, API keys act for their organisation. */
    public UUID userId() {
        if (kind != Kind.USER) {
            throw new IllegalStateException("An API key or a service is not a user");
        }
        return UUID.fromString(subject);
    }

    /** Who did something, for records and events: {@code user:<id>}, {@code api-key:<id>} or {@code service:<name>}. */
    public String actor() {
        return switch (kind) {
            case USER -> "user:" + subject;
            case API_KEY -> "api-key:" + subject;
            case SERVICE -> subject.startsWith("service:") ? subject : "service:" + subject;
        };
    }
}
