package io.openhire.platform.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Subjects whose access tokens stop working before they expire: a disabled user, a revoked API key, a
 * withdrawn operator grant. identity keeps the list and publishes it (hashed) at
 * {@code /.well-known/revocations}; every service checks each token against it (see
 * {@link RevocationCheckingJwtDecoder}).
 */
public interface TokenRevocations {

    /** Tokens of {@code subject} issued at or before this instant are refused; empty when none are. */
    Optional<Instant> notBefore(String subject);
}
