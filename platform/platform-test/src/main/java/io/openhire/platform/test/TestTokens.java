package io.openhire.platform.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An identity stand-in for testing services alone: a JWKS endpoint on a local WireMock server and
 * tokens signed with its key, shaped like identity's. (identity's own tests use the real thing.)
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "http://localhost:8080";

    private final RSAKey key;
    private final WireMockServer jwks;

    public TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jwks = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        jwks.start();
        jwks.stubFor(get(urlEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
        // identity's revocation list, empty: services read it next to the JWKS.
        jwks.stubFor(get(urlEqualTo("/.well-known/revocations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"revoked\":[],\"tokenLifetimeSeconds\":900}")));
    }

    /**
     * Publishes {@code subject} as revoked now, as identity does when a user is disabled: services that
     * read the list refuse the subject's tokens issued until now.
     */
    public void revoke(String subject) {
        String hash;
        try {
            hash = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jwks.stubFor(get(urlEqualTo("/.well-known/revocations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"revoked\":[{\"subject\":\"" + hash + "\",\"notBefore\":"
                                + Instant.now().getEpochSecond() + "}],\"tokenLifetimeSeconds\":900}")));
    }

    public String jwkSetUri() {
        return jwks.baseUrl() + "/.well-known/jwks.json";
    }

    public String token(UUID userId, UUID organizationId, String... roles) {
        return token(userId.toString(), organizationId, Duration.ofMinutes(5), key, roles);
    }

    public String expiredToken(UUID userId, UUID organizationId, String... roles) {
        return token(userId.toString(), organizationId, Duration.ofMinutes(-5), key, roles);
    }

    /** Signed by a key nobody published: must be refused. */
    public String tokenFromStrangeKey(UUID userId, UUID organizationId) {
        try {
            return token(
                    userId.toString(),
                    organizationId,
                    Duration.ofMinutes(5),
                    new RSAKeyGenerator(2048).keyID("strange").generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What identity issues to an OpenHire service acting for one organisation (ServiceAccount). */
    public String serviceToken(String service, UUID organizationId) {
        return token("service:" + service, "service", organizationId, Duration.ofMinutes(5), key, "SERVICE");
    }

    private static String token(String subject, UUID organizationId, Duration ttl, RSAKey signingKey, String... roles) {
        return token(subject, "user", organizationId, ttl, signingKey, roles);
    }

    private static String token(
            String subject, String kind, UUID organizationId, Duration ttl, RSAKey signingKey, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now.minusSeconds(ttl.isNegative() ? 600 : 0)))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("org", organizationId.toString())
                .claim("roles", List.of(roles))
                .claim("sub_kind", kind)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        jwks.stop();
    }
}
