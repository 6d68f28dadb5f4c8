package io.openhire.platform.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * This service's own credentials, for calls it makes without a user behind them (a Kafka listener
 * fetching a document, a scheduled mailbox poll). identity exchanges the service's name and secret for a
 * short-lived access token scoped to one organisation, with the role {@code SERVICE}; tokens are cached
 * per organisation until shortly before they expire.
 *
 * <pre>{@code
 * byte[] original = serviceAccount.onBehalfOf(event.organizationId(), () -> storage.get(bucket, key));
 * }</pre>
 *
 * {@link ServiceClients} sends the service token for every call made inside {@link #onBehalfOf}, even
 * during a user's request: the service has checked the user's rights itself and now acts on its own.
 */
public class ServiceAccount {

    private static final ScopedValue<UUID> ORGANIZATION = ScopedValue.newInstance();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private record Cached(String token, Instant expiresAt) {}

    private final String name;
    private final String secret;
    private final Supplier<RestClient> identity;
    private final Clock clock;
    private final ConcurrentMap<UUID, Cached> tokens = new ConcurrentHashMap<>();

    public ServiceAccount(String name, String secret, Supplier<RestClient> identity, Clock clock) {
        this.name = Objects.requireNonNull(name);
        this.secret = secret;
        this.identity = identity;
        this.clock = clock;
    }

    /** Runs {@code call} so that service calls inside it act for {@code organizationId}. */
    public <T> T onBehalfOf(UUID organizationId, Supplier<T> call) {
        return ScopedValue.where(ORGANIZATION, Objects.requireNonNull(organizationId))
                .call(call::get);
    }

    public void onBehalfOf(UUID organizationId, Runnable call) {
        ScopedValue.where(ORGANIZATION, Objects.requireNonNull(organizationId)).run(call);
    }

    /** The organisation the current code acts for, if inside {@link #onBehalfOf}. */
    static UUID currentOrganization() {
        return ORGANIZATION.isBound() ? ORGANIZATION.get() : null;
    }

    /** An access token for {@code organizationId}, from the cache or fresh from identity. */
    public String tokenFor(UUID organizationId) {
        Cached cached = tokens.get(organizationId);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            return cached.token();
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("Set openhire.service-account.secret: the service '" + name
                    + "' calls other services for an organisation and needs credentials from identity");
        }
        ServiceTokenExchange.Answer answer = identity.get()
                .post()
                .uri("/api/v1/users/service-token")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ServiceTokenExchange.Request(name, secret, organizationId))
                .retrieve()
                .body(ServiceTokenExchange.Answer.class);
        String token = answer.accessToken();
        Instant expiresAt = clock.instant().plusSeconds(answer.expiresIn());
        tokens.put(organizationId, new Cached(token, expiresAt));
        return token;
    }
}
