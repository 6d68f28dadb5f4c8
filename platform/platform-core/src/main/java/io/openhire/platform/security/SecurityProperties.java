package io.openhire.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the {@code iss} every access token must carry (the platform's public URL)
 * @param jwkSetUri where identity publishes its signing keys
 * @param publicPaths path patterns this service serves without a token, on top of health and docs
 * @param metricsAllowedNetworks addresses allowed to scrape {@code /actuator/prometheus} without a token
 */
@ConfigurationProperties("openhire.security")
public record SecurityProperties(
        String issuer, String jwkSetUri, List<String> publicPaths, List<String> metricsAllowedNetworks) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        metricsAllowedNetworks = metricsAllowedNetworks == null || metricsAllowedNetworks.isEmpty()
                ? List.of("127.0.0.0/8", "::1/128")
                : List.copyOf(metricsAllowedNetworks);
    }
}
