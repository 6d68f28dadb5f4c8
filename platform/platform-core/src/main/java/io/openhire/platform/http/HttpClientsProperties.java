package io.openhire.platform.http;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where other services are and how patiently to call them.
 *
 * <pre>
 * openhire.clients.services.identity.url=http://localhost:8101
 * openhire.clients.read-timeout=5s
 * </pre>
 */
@ConfigurationProperties("openhire.clients")
public record HttpClientsProperties(
        Map<String, Service> services,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxAttempts,
        Duration retryBackoff,
        Integer circuitBreakerWindow,
        Float circuitBreakerFailureRate,
        Duration circuitBreakerOpenFor) {

    public record Service(String url) {}

    public HttpClientsProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        circuitBreakerWindow = circuitBreakerWindow == null ? 20 : circuitBreakerWindow;
        circuitBreakerFailureRate = circuitBreakerFailureRate == null ? 50f : circuitBreakerFailureRate;
        circuitBreakerOpenFor = circuitBreakerOpenFor == null ? Duration.ofSeconds(10) : circuitBreakerOpenFor;
    }

    public String urlOf(String service) {
        Service configured = services.get(service);
        if (configured == null || configured.url() == null) {
            throw new IllegalStateException("Set openhire.clients.services." + service + ".url");
        }
        return configured.url();
    }
}
