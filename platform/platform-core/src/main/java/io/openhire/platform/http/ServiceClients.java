package io.openhire.platform.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.RequestIdFilter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Creates clients for other OpenHire services from Spring HTTP interfaces, with the defaults every call
 * between services should have: connect and read timeouts, retries with exponential back-off for
 * idempotent methods (GET, PUT, DELETE) on I/O errors and 5xx answers, a circuit breaker per service,
 * and the caller's request id and access token forwarded (or this service's own token, see
 * {@link ServiceAccount}).
 *
 * <pre>{@code
 * interface IdentityApi {
 *     @GetExchange("/api/v1/users/profile") Profile profile();
 * }
 * IdentityApi identity = serviceClients.create(IdentityApi.class, "identity");
 * }</pre>
 *
 * When the circuit is open, or retries are exhausted on an unreachable service, the call fails with a
 * {@link DomainException} of category {@code UNAVAILABLE} ({@code dependency-unavailable}, a 503 at the web
 * layer) that callers may let through.
 */
public class ServiceClients {

    private final RestClient.Builder builder;
    private final HttpClientsProperties properties;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    private final ServiceAccount serviceAccount;

    public ServiceClients(RestClient.Builder builder, HttpClientsProperties properties) {
        this(builder, properties, null);
    }

    public ServiceClients(RestClient.Builder builder, HttpClientsProperties properties, ServiceAccount serviceAccount) {
        this.builder = builder;
        this.properties = properties;
        this.serviceAccount = serviceAccount;
    }

    public <T> T create(Class<T> api, String service) {
        return create(api, service, properties.urlOf(service));
    }

    public <T> T create(Class<T> api, String service, String baseUrl) {
        RestClient client = builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requestFactory(properties))
                .requestInterceptor(forwardContext())
                .build();
        T target = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(api);
        CircuitBreaker breaker = breakers.computeIfAbsent(service, this::circuitBreaker);
        Retry retry = Retry.of(service + "-" + api.getSimpleName(), retryConfig());
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            Supplier<Object> call = () -> invoke(target, method, args);
            Supplier<Object> guarded = CircuitBreaker.decorateSupplier(breaker, call);
            if (isIdempotent(method)) {
                guarded = Retry.decorateSupplier(retry, guarded);
            }
            try {
                return guarded.get();
            } catch (CallNotPermittedException e) {
                throw unavailable(service, "its circuit breaker is open after repeated failures");
            } catch (ResourceAccessException e) {
                throw unavailable(service, "it did not answer in time or could not be reached");
            }
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    /**
     * HTTP/1.1 with the configured timeouts. Not the JDK client's default (HTTP/2 asked for by an {@code h2c}
     * upgrade on every new plain-text connection): the services do not speak h2c, and a server that half-accepts
     * the upgrade (Jetty, as in WireMock) cancels the stream ({@code RST_STREAM}) of a request with a body.
     */
    static JdkClientHttpRequestFactory requestFactory(HttpClientsProperties properties) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }

    public CircuitBreaker.State circuitState(String service) {
        CircuitBreaker breaker = breakers.get(service);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.getState();
    }

    private static Object invoke(Object target, Method method, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isIdempotent(Method method) {
        return method.isAnnotationPresent(GetExchange.class)
                || method.isAnnotationPresent(PutExchange.class)
                || method.isAnnotationPresent(DeleteExchange.class);
    }

    private static DomainException unavailable(String service, String why) {
        return DomainException.unavailable(
                "dependency-unavailable",
                "The " + service + " service is unavailable: " + why + ". Try again shortly.");
    }

    private RetryConfig retryConfig() {
        return RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof ResourceAccessException || e instanceof HttpServerErrorException)
                .build();
    }

    private CircuitBreaker circuitBreaker(String service) {
        return CircuitBreaker.of(
                service,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(properties.circuitBreakerWindow())
                        .minimumNumberOfCalls(Math.min(10, properties.circuitBreakerWindow()))
                        .failureRateThreshold(properties.circuitBreakerFailureRate())
                        .waitDurationInOpenState(properties.circuitBreakerOpenFor())
                        .recordException(
                                e -> e instanceof ResourceAccessException || e instanceof HttpServerErrorException)
                        .build());
    }

    /**
     * Request id, and the access token: inside {@link ServiceAccount#onBehalfOf} this service's own token
     * for that organisation (the service has decided the call is allowed), otherwise the caller's token
     * when the current request carries one.
     */
    private ClientHttpRequestInterceptor forwardContext() {
        return (request, body, execution) -> {
            String requestId = RequestIdFilter.current();
            if (requestId != null) {
                request.getHeaders().set(RequestIdFilter.HEADER, requestId);
            }
            if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                UUID organization = ServiceAccount.currentOrganization();
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                if (organization != null && serviceAccount != null) {
                    request.getHeaders().setBearerAuth(serviceAccount.tokenFor(organization));
                } else if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
                    // a bearer-token request, or a dashboard session holding the user's token
                    request.getHeaders().setBearerAuth(jwt.getTokenValue());
                }
            }
            return execution.execute(request, body);
        };
    }
}
