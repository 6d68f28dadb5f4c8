package io.openhire.storage;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.openhire.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Service tokens shaped like identity's ({@code sub = service:<name>}, {@code sub_kind = service}, role
 * {@code SERVICE}), signed with {@link TestTokens}' key so that the same JWKS verifies them.
 *
 * <p>TestTokens mints only user tokens (subject = a user id) and keeps its key to itself, hence the
 * reflection. Replace with a {@code TestTokens.serviceToken(name, organisation)} once platform-test has one.
 */
final class ServiceTokens {

    private ServiceTokens() {}

    static String token(TestTokens tokens, String service, UUID organizationId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(TestTokens.ISSUER)
                .subject("service:" + service)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("org", organizationId.toString())
                .claim("roles", List.of("SERVICE"))
                .claim("sub_kind", "service")
                .build();
        RSAKey key = signingKey(tokens);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey signingKey(TestTokens tokens) {
        try {
            var field = TestTokens.class.getDeclaredField("key");
            field.setAccessible(true);
            return (RSAKey) field.get(tokens);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestTokens no longer keeps its signing key in 'key'", e);
        }
    }
}
