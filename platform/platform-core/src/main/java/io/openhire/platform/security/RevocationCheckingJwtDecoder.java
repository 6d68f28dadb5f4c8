package io.openhire.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Refuses tokens whose subject was revoked after they were issued. Wraps the (caching) decoder, so the
 * check runs on every request, also for tokens already verified once.
 */
public class RevocationCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final TokenRevocations revocations;

    public RevocationCheckingJwtDecoder(JwtDecoder delegate, TokenRevocations revocations) {
        this.delegate = delegate;
        this.revocations = revocations;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        Optional<Instant> notBefore =
                jwt.getSubject() == null ? Optional.empty() : revocations.notBefore(jwt.getSubject());
        if (notBefore.isPresent() && isIssuedAtOrBefore(jwt, notBefore.get())) {
            throw new JwtValidationException(
                    "The token has been revoked",
                    List.of(new OAuth2Error("invalid_token", "The token has been revoked", null)));
        }
        return jwt;
    }

    /** {@code iat} has whole seconds: a token from the same second as the revocation is refused too. */
    private static boolean isIssuedAtOrBefore(Jwt jwt, Instant notBefore) {
        Instant issuedAt = jwt.getIssuedAt();
        return issuedAt == null || issuedAt.getEpochSecond() <= notBefore.getEpochSecond();
    }
}
