package io.openhire.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("u")
                    .issuedAt(now.minusSeconds(60))
                    .expiresAt(expiresAt)
                    .build();
        };
    }

    @Test
    void verifiesAGivenTokenOnceWhileItIsValid() {
        CachingJwtDecoder decoder =
                new CachingJwtDecoder(verifier(now.plusSeconds(900)), 100, Clock.fixed(now, ZoneOffset.UTC));

        decoder.decode("token-a");
        decoder.decode("token-a");
        decoder.decode("token-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void neverCachesAFailure() {
        CachingJwtDecoder decoder =
                new CachingJwtDecoder(verifier(now.plusSeconds(900)), 100, Clock.fixed(now, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredCachedTokenIsVerifiedAgain() {
        Instant[] clockNow = {now};
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return clockNow[0];
            }
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(now.plusSeconds(900)), 100, moving);
        decoder.decode("token-a");

        clockNow[0] = now.plusSeconds(901);
        decoder.decode("token-a");

        assertThat(verifications).hasValue(2);
    }
}
