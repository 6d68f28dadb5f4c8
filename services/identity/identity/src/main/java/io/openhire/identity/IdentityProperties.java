package io.openhire.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accessTokenTtl lifetime of an access token (JWT)
 * @param refreshTokenTtl lifetime of a refresh token
 * @param invitationTtl how long an invitation to join an organisation stays valid
 * @param keys signing keys: rotation period and the master key that encrypts them at rest
 * @param lockout back-off after failed logins
 * @param serviceAccounts service name → secret: OpenHire services that may obtain a token for an
 *     organisation at {@code POST /api/v1/users/service-token} (e.g. a Kafka listener reading a document)
 */
@ConfigurationProperties("openhire.identity")
public record IdentityProperties(
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration invitationTtl,
        Keys keys,
        Lockout lockout,
        Map<String, String> serviceAccounts,
        List<String> platformOperators) {

    public IdentityProperties {
        serviceAccounts = serviceAccounts == null ? Map.of() : Map.copyOf(serviceAccounts);
        platformOperators = platformOperators == null
                ? List.of()
                : platformOperators.stream()
                        .map(String::strip)
                        .filter(e -> !e.isEmpty())
                        .map(e -> e.toLowerCase(java.util.Locale.ROOT))
                        .toList();
    }

    /** Whether the configuration makes the owner of {@code email} a platform operator. */
    public boolean isConfiguredOperator(String email) {
        return email != null && platformOperators.contains(email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @param rotationPeriod a new signing key is made when the active one is older than this
     * @param masterKey base64 of 32 random bytes (AES-256); required: without it private keys cannot be
     *     stored safely
     */
    public record Keys(Duration rotationPeriod, String masterKey) {}

    /**
     * @param maxFailures failed logins in a row before the account is locked
     * @param baseDelay first lock duration, doubled for each further failure
     * @param maxDelay the longest lock
     */
    public record Lockout(int maxFailures, Duration baseDelay, Duration maxDelay) {}
}
