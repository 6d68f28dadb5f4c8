package io.openhire.dashboard.signin;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.LoginRequest;
import io.openhire.identity.client.RefreshRequest;
import io.openhire.identity.client.TokenResponse;
import io.openhire.identity.client.UserProfile;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.SecurityAutoConfiguration;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

/**
 * Signs a person in with identity's password login (identity counts failures and locks accounts), and
 * renews their tokens with identity's refresh. The access token is verified like every service verifies
 * it, so a forged or foreign token never becomes a session.
 */
@Component
public class IdentitySignIn implements AuthenticationProvider {

    private final IdentityApi identity;
    private final JwtDecoder decoder;

    IdentitySignIn(IdentityApi identity, JwtDecoder decoder) {
        this.identity = identity;
        this.decoder = decoder;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String email = String.valueOf(attempt.getName()).strip();
        String password = String.valueOf(attempt.getCredentials());
        if (email.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your email address and password.");
        }
        TokenResponse tokens;
        try {
            tokens = identity.login(new LoginRequest(email, password));
        } catch (RestClientResponseException e) {
            throw signInRefused(e);
        } catch (DomainException e) {
            // identity is unreachable (ServiceClients' circuit breaker or retries gave up)
            throw new AuthenticationServiceException("Signing in is not possible right now. Try again in a minute.");
        }
        return signedIn(tokens, email);
    }

    /**
     * Signs a candidate in with the one-time link mailed to them (identity spends it).
     *
     * @throws BadCredentialsException when the link is unknown, used or expired
     */
    public SignedInUser redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            throw new BadCredentialsException("This sign-in link is not complete: open it from your email again.");
        }
        TokenResponse tokens;
        try {
            tokens = identity.redeemSignInLink(new io.openhire.identity.client.RedeemSignInLink(token.strip()));
        } catch (RestClientResponseException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.BAD_REQUEST) {
                throw new BadCredentialsException(
                        "This sign-in link is unknown, already used or expired. Ask for a new one on the career site.");
            }
            throw signInRefused(e);
        } catch (DomainException e) {
            throw new AuthenticationServiceException("Signing in is not possible right now. Try again in a minute.");
        }
        return signedIn(tokens, "");
    }

    private SignedInUser signedIn(TokenResponse tokens, String email) {
        Jwt jwt = verified(tokens.accessToken());
        UserProfile profile = identity.profile("Bearer " + tokens.accessToken());
        return new SignedInUser(
                jwt,
                roles(jwt),
                tokens.refreshToken(),
                profile.name() == null ? (email.isEmpty() ? profile.email() : email) : profile.name(),
                profile.organization() == null || profile.organization().name() == null
                        ? ""
                        : profile.organization().name());
    }

    /**
     * New tokens for a signed-in user; empty when identity no longer accepts the refresh token (signed out
     * elsewhere, disabled, or expired): the session is over.
     */
    public java.util.Optional<SignedInUser> renew(SignedInUser user) {
        try {
            TokenResponse tokens = identity.refresh(new RefreshRequest(user.refreshToken()));
            Jwt jwt = verified(tokens.accessToken());
            return java.util.Optional.of(user.renewed(jwt, roles(jwt), tokens.refreshToken()));
        } catch (RestClientResponseException | AuthenticationException e) {
            return java.util.Optional.empty();
        }
    }

    /** Revokes the refresh token (signing out); identity being away must not keep anyone signed in here. */
    public void revoke(SignedInUser user) {
        try {
            identity.logout(new RefreshRequest(user.refreshToken()));
        } catch (RuntimeException ignored) {
            // the session goes anyway; the refresh token expires on its own
        }
    }

    private Jwt verified(String token) {
        try {
            return decoder.decode(token);
        } catch (JwtException e) {
            throw new AuthenticationServiceException("Identity answered with a token that does not verify.");
        }
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        return SecurityAutoConfiguration.jwtAuthenticationConverter()
                .convert(jwt)
                .getAuthorities();
    }

    private static AuthenticationException signInRefused(RestClientResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == HttpStatus.UNAUTHORIZED) {
            return new BadCredentialsException("Wrong email address or password.");
        }
        if (status == HttpStatus.FORBIDDEN) {
            return new DisabledException("This account is not active. Ask your organisation's admin.");
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.LOCKED) {
            return new LockedException(ApiProblem.message(e));
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return new BadCredentialsException("Enter a valid email address and your password.");
        }
        return new AuthenticationServiceException("Signing in is not possible right now. Try again in a minute.");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
