package io.openhire.dashboard.signin;

import io.openhire.platform.security.PlatformRoles;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A person signed in to the dashboard: identity's access token (checked against identity's keys, so the
 * roles and organisation in it are trusted), the refresh token that renews it, and the name to greet
 * them with. Kept in the server-side session only; the browser holds nothing but the session cookie.
 *
 * <p>Its principal is the access token ({@link Jwt}), so every call the dashboard sends to a service carries
 * the user's own token (see {@code ServiceClients}): the services decide what this user may see. Not a
 * {@code JwtAuthenticationToken}: that one is marked transient and would never be kept in the session.
 */
public final class SignedInUser extends AbstractAuthenticationToken {

    private final Jwt accessToken;
    private final String refreshToken;
    private final String displayName;
    private final String organizationName;

    public SignedInUser(
            Jwt accessToken,
            Collection<? extends GrantedAuthority> roles,
            String refreshToken,
            String displayName,
            String organizationName) {
        super(roles);
        this.accessToken = accessToken;
        setAuthenticated(true);
        this.refreshToken = refreshToken;
        this.displayName = displayName;
        this.organizationName = organizationName;
    }

    /** The access token: what identifies the user to the services. */
    @Override
    public Jwt getPrincipal() {
        return accessToken;
    }

    /** Never handed out: the tokens are the credentials and stay in the session. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return accessToken.getSubject();
    }

    public String refreshToken() {
        return refreshToken;
    }

    public String displayName() {
        return displayName;
    }

    /** The person's organisation's id (its career site's address). */
    public String organizationId() {
        return getPrincipal().getClaimAsString(io.openhire.platform.security.TokenClaims.ORGANIZATION);
    }

    public String organizationName() {
        return organizationName;
    }

    /** A role the access token grants ({@code ADMIN}, {@code RECRUITER}, {@code PLATFORM_OPERATOR}…). */
    public boolean hasRole(String role) {
        return getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    /** An admin of the organisation: manages its users. */
    public boolean isAdmin() {
        return hasRole("ADMIN");
    }

    /**
     * Recruiters and admins: the people the dashboard's pages are for (jobs, candidates, sources, live
     * updates). Clients and candidates see only their own start page until their pages exist.
     */
    public boolean isStaff() {
        return isAdmin() || hasRole("RECRUITER");
    }

    /** A hiring client's user: sees the jobs run for their company and the candidates shared there. */
    public boolean isClient() {
        return hasRole("CLIENT");
    }

    /** A candidate signed in to the candidate portal: sees their own applications and data. */
    public boolean isCandidate() {
        return hasRole("CANDIDATE");
    }

    /**
     * Runs the platform (a role next to the person's role in their organisation): changes what every
     * organisation shares, such as which model version is in use.
     */
    public boolean isOperator() {
        return hasRole(PlatformRoles.OPERATOR);
    }

    /** True when the access token is gone or about to go: renew it before calling a service with it. */
    public boolean expiresBefore(Instant instant) {
        Instant expiry = accessToken.getExpiresAt();
        return expiry == null || expiry.isBefore(instant);
    }

    /** The same person with renewed tokens. */
    public SignedInUser renewed(Jwt accessToken, Collection<? extends GrantedAuthority> roles, String refreshToken) {
        return new SignedInUser(accessToken, roles, refreshToken, displayName, organizationName);
    }
}
