package io.openhire.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the {@code iss} every access token must carry (the platform's public URL)
 * @param jwkSetUri where identity publishes its signing keys
 * @param publicPaths path patterns this service serves without a token, on top of health and docs
 * @param metricsAllowedNetworks addresses allowed to scrape {@code /actuator/prometheus} without a token
 * @param revocationsUri identity's list of revoked token subjects; by default next to the JWKS
 *     ({@code .../.well-known/revocations})
 * @param revocationsRefresh how often that list is read: the longest a disabled user's token keeps working
 * @param tokenOnlyFor when set, only these path patterns need a token and every other path is public: for an
 *     edge whose other paths are pages that check their own sign-in (the gateway in front of the dashboard)
 */
@ConfigurationProperties("openhire.security")
public record SecurityProperties(
        String issuer,
        String jwkSetUri,
        List<String> publicPaths,
        List<String> metricsAllowedNetworks,
        String revocationsUri,
        Duration revocationsRefresh,
        List<String> tokenOnlyFor) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        metricsAllowedNetworks = metricsAllowedNetworks == null || metricsAllowedNetworks.isEmpty()
                ? List.of("127.0.0.0/8", "::1/128")
                : List.copyOf(metricsAllowedNetworks);
        if ((revocationsUri == null || revocationsUri.isBlank())
                && jwkSetUri != null
                && jwkSetUri.endsWith("/jwks.json")) {
            revocationsUri = jwkSetUri.substring(0, jwkSetUri.length() - "jwks.json".length()) + "revocations";
        }
        revocationsRefresh = revocationsRefresh == null ? Duration.ofSeconds(5) : revocationsRefresh;
        tokenOnlyFor = tokenOnlyFor == null ? List.of() : List.copyOf(tokenOnlyFor);
    }
}
