package io.openhire.identity.account.web;

import io.openhire.identity.account.Role;
import io.openhire.identity.account.User;
import io.openhire.identity.client.Organization;
import io.openhire.identity.client.UserProfile;
import io.openhire.identity.client.UserStatus;

/**
 * Users as the API shows them: identity-client's records (what other services read), made from the stored
 * user. The switches have no default: a role or status added here and not in the client fails to compile.
 */
final class AccountViews {

    private AccountViews() {}

    static UserProfile profile(User u) {
        return new UserProfile(
                u.id(),
                new Organization(u.organizationId(), u.organizationName()),
                u.email(),
                u.name(),
                role(u.role()),
                status(u.status()),
                u.title(),
                u.phone(),
                u.locale(),
                u.timeZone(),
                u.createdAt(),
                u.updatedAt());
    }

    static io.openhire.identity.client.Role role(Role role) {
        return switch (role) {
            case ADMIN -> io.openhire.identity.client.Role.ADMIN;
            case RECRUITER -> io.openhire.identity.client.Role.RECRUITER;
            case CLIENT -> io.openhire.identity.client.Role.CLIENT;
            case CANDIDATE -> io.openhire.identity.client.Role.CANDIDATE;
        };
    }

    /** A role a request names; null when it names none. */
    static Role role(io.openhire.identity.client.Role role) {
        return role == null
                ? null
                : switch (role) {
                    case ADMIN -> Role.ADMIN;
                    case RECRUITER -> Role.RECRUITER;
                    case CLIENT -> Role.CLIENT;
                    case CANDIDATE -> Role.CANDIDATE;
                };
    }

    static UserStatus status(User.Status status) {
        return switch (status) {
            case ACTIVE -> UserStatus.ACTIVE;
            case INVITED -> UserStatus.INVITED;
            case DISABLED -> UserStatus.DISABLED;
        };
    }

    /** A status a request names; null when it names none. */
    static User.Status status(UserStatus status) {
        return status == null
                ? null
                : switch (status) {
                    case ACTIVE -> User.Status.ACTIVE;
                    case INVITED -> User.Status.INVITED;
                    case DISABLED -> User.Status.DISABLED;
                };
    }
}
