package io.openhire.identity;

import io.openhire.identity.serviceaccounts.ServiceTokens;
import io.openhire.platform.http.ServiceAccount;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The identity service (User Management): organisations, users, roles, profiles, API keys, and the
 * RS256 access tokens every other service trusts. Started by {@code IdentityApplication} or the launcher.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = IdentityConfiguration.class)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableScheduling
public class IdentityConfiguration {

    /** Argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 iterations, 1 lane. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * identity's own service account, for its calls to other services: it signs its service tokens itself
     * ({@link ServiceTokens#own}) instead of asking its own HTTP API with a secret, which the token issuer is not
     * given. Replaces platform-core's default {@link ServiceAccount}.
     */
    @Bean
    ServiceAccount identityServiceAccount(ServiceTokens tokens, Clock clock) {
        return new ServiceAccount(ServiceTokens.OWN, null, null, clock) {
            @Override
            public String tokenFor(UUID organizationId) {
                return tokens.own(organizationId).accessToken();
            }
        };
    }

    /**
     * Answers the privacy service's data-subject requests (access and erasure) with candidates' portal accounts
     * ({@code IdentityDataSubjects}).
     */
}
