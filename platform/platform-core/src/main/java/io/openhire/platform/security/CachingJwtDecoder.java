package io.openhire.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has already verified until they expire. A client sends the same access token
 * for its whole lifetime (15 minutes), and every hop (gateway, then the service) checks it; without
 * this, RSA verification and JSON parsing were a fifth of the CPU the gateway path used (bench/).
 *
 * <p>Safe because the cache key is the complete token, signature included: a different or altered
 * token is a miss and is verified in full. Expiry is checked on every hit. Bounded: when full, the
 * cache is emptied (tokens are cheap to verify again; the common case is few distinct tokens).
 */
public class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, 10_000, Clock.systemUTC());
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.get(token);
        Instant now = clock.instant();
        if (cached != null) {
            if (cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(now)) {
                return cached;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
