package io.openhire.identity.serviceaccounts;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.keys.AccessTokens;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tokens for OpenHire's own services when they act for an organisation without a user behind the call
 * (see platform-core's {@code ServiceAccount}). A service proves itself with the secret configured
 * under {@code openhire.identity.service-accounts.<name>} and gets a short-lived token for one existing
 * organisation, with the single role {@code SERVICE}.
 */
@Service
public class ServiceTokens {

    public static final String ROLE = "SERVICE";

    /** identity's own name as a service (the subject of its own tokens: {@code service:identity}). */
    public static final String OWN = "identity";

    public record Token(String accessToken, long expiresInSeconds) {}

    private final IdentityProperties properties;
    private final AccessTokens.Issuer issuer;
    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceTokens(IdentityProperties properties, AccessTokens.Issuer issuer, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.issuer = issuer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Token issue(String service, String secret, UUID organizationId) {
        String expected = properties.serviceAccounts().get(service);
        // Compare digests in constant time, and do the work even for unknown services.
        boolean matches = MessageDigest.isEqual(Sha256.of(expected == null ? "" : expected), Sha256.of(secret));
        if (expected == null || expected.isBlank() || !matches) {
            throw new DomainException(
                    DomainException.Category.UNAUTHENTICATED,
                    "invalid-client",
                    "Invalid client",
                    "The service name or secret is not valid.");
        }
        return token(service, organizationId);
    }

    /**
     * A token for identity itself ({@code service:identity}), for the calls it makes to other services (answering
     * the privacy service's data-subject requests): it issues the tokens, so it signs its own here rather than
     * asking itself over HTTP with a secret it is not given (the all-in-one gives the token issuer none).
     */
    public Token own(UUID organizationId) {
        return token(OWN, organizationId);
    }

    private Token token(String service, UUID organizationId) {
        boolean exists = jdbc.sql("SELECT count(*) FROM organization WHERE id = :id")
                        .param("id", organizationId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!exists) {
            throw DomainException.notFound("The organisation");
        }
        AccessTokens.Issued issued = issuer.issue("service:" + service, "service", organizationId, List.of(ROLE));
        long seconds = Math.max(
                1, issued.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        return new Token(issued.token(), seconds);
    }
}
