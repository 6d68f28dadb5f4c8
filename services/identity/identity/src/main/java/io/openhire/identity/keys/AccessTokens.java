package io.openhire.identity.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.openhire.identity.IdentityProperties;
import io.openhire.identity.revocation.Revocations;
import io.openhire.platform.security.CachingJwtDecoder;
import io.openhire.platform.security.RevocationCheckingJwtDecoder;
import io.openhire.platform.security.SecurityAutoConfiguration;
import io.openhire.platform.security.SecurityProperties;
import io.openhire.platform.security.TokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Issues RS256 access tokens; identity verifies its own tokens against its keys, without HTTP. */
@Configuration(proxyBeanMethods = false)
public class AccessTokens {

    /** An issued access token and when it expires. */
    public record Issued(String token, Instant expiresAt) {}

    /** Signs tokens; kept as a small facade so callers need not know JOSE. */
    public static final class Issuer {
        private final JwtEncoder encoder;
        private final SigningKeys keys;
        private final IdentityProperties properties;
        private final String issuer;
        private final Clock clock;

        Issuer(JwtEncoder encoder, SigningKeys keys, IdentityProperties properties, String issuer, Clock clock) {
            this.encoder = encoder;
            this.keys = keys;
            this.properties = properties;
            this.issuer = issuer;
            this.clock = clock;
        }

        public Issued issue(String subject, String subjectKind, UUID organizationId, List<String> roles) {
            return issue(subject, subjectKind, organizationId, roles, null);
        }

        /** @param sessionId the sign-in session (refresh-token family) of a user's token, or null */
        public Issued issue(
                String subject, String subjectKind, UUID organizationId, List<String> roles, UUID sessionId) {
            Instant now = clock.instant();
            Instant expiresAt = now.plus(properties.accessTokenTtl());
            JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
            if (sessionId != null) {
                builder.claim(TokenClaims.SESSION, sessionId.toString());
            }
            JwtClaimsSet claims = builder.issuer(issuer)
                    .subject(subject)
                    .issuedAt(now)
                    .notBefore(now)
                    .expiresAt(expiresAt)
                    .id(UUID.randomUUID().toString())
                    .claim(TokenClaims.ORGANIZATION, organizationId.toString())
                    .claim(TokenClaims.ROLES, roles)
                    .claim(TokenClaims.SUBJECT_KIND, subjectKind)
                    .build();
            JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                    .keyId(keys.active().getKeyID())
                    .build();
            String token =
                    encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
            return new Issued(token, expiresAt);
        }
    }

    @Bean
    Issuer accessTokenIssuer(
            SigningKeys keys, IdentityProperties properties, SecurityProperties security, Clock clock) {
        JWKSource<SecurityContext> signing = (selector, context) -> selector.select(new JWKSet(keys.active()));
        return new Issuer(new NimbusJwtEncoder(signing), keys, properties, security.issuer(), clock);
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security, Revocations revocations) {
        JWKSource<SecurityContext> published = (selector, context) -> selector.select(keys.published());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(published).build();
        decoder.setJwtValidator(SecurityAutoConfiguration.tokenValidator(security.issuer()));
        // identity reads its own revocations from its table: a disabled user is refused here at once.
        return new RevocationCheckingJwtDecoder(new CachingJwtDecoder(decoder), revocations);
    }
}
