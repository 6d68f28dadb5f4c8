package io.openhire.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accessTokenTtl lifetime of an access token (JWT)
 * @param refreshTokenTtl lifetime of a refresh token
 * @param invitationTtl how long an invitation to join an organisation stays valid
 * @param keys signing keys: rotation period and the master key that encrypts them at rest
 * @param lockout back-off after failed logins
 * @param serviceAccounts service name → secret: OpenHire services that may obtain a token for an
 *     organisation at {@code POST /api/v1/users/service-token} (e.g. a Kafka listener reading a document)
 * @param platformOperators ids of users who are platform operators (role {@code PLATFORM_OPERATOR} in
 *     their tokens) by configuration; more are granted by an operator. Ids, not email addresses:
 *     addresses are not verified, so whoever signed up first with an address would get the role.
 * @param bootstrapOperator a first operator that identity creates itself at start, before it takes
 *     requests, when no account has that address yet (a new installation, the all-in-one's demo admin)
 */
@ConfigurationProperties("openhire.identity")
public record IdentityProperties(
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration invitationTtl,
        Keys keys,
        Lockout lockout,
        Map<String, String> serviceAccounts,
        List<UUID> platformOperators,
        BootstrapOperator bootstrapOperator) {

    public IdentityProperties {
        serviceAccounts = serviceAccounts == null ? Map.of() : Map.copyOf(serviceAccounts);
        platformOperators = platformOperators == null ? List.of() : List.copyOf(platformOperators);
        bootstrapOperator =
                bootstrapOperator == null ? new BootstrapOperator(null, null, null, null) : bootstrapOperator;
    }

    /** Whether the configuration makes this user a platform operator. */
    public boolean isConfiguredOperator(UUID userId) {
        return platformOperators.contains(userId);
    }

    /**
     * @param email the operator's address; nothing happens when blank
     * @param password their first password (the password policy applies)
     * @param name their name
     * @param organization the organisation identity creates for them
     */
    public record BootstrapOperator(String email, String password, String name, String organization) {

        public boolean isSet() {
            return email != null && !email.isBlank();
        }
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
