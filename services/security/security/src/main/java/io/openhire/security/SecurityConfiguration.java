package io.openhire.security;

import io.openhire.security.keys.ConfiguredKeyEncryptionKeys;
import io.openhire.security.keys.KeyEncryptionKeys;
import io.openhire.security.keys.VaultTransitKeyEncryptionKeys;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

/**
 * The security service: envelope encryption under per-organisation data keys, which a key-encryption key wraps
 * (from configuration, or Vault's transit engine), rotation of both without downtime, tokenisation of fields, and
 * threat detection from the audit stream.
 *
 * <p>The scan skips what Spring Boot's {@link TypeExcludeFilter} excludes (the test classes' own configurations),
 * so that one integration test's configuration never joins another's context.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackageClasses = SecurityConfiguration.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties(KeysProperties.class)
@EnableScheduling
public class SecurityConfiguration {

    @Bean
    Clock securityClock() {
        return Clock.systemUTC();
    }

    /** {@code openhire.keys.kek-provider}: the key from configuration (the all-in-one), or Vault's transit engine. */
    @Bean
    KeyEncryptionKeys keyEncryptionKeys(KeysProperties properties, ObjectProvider<RestClient.Builder> http) {
        return switch (properties.kekProvider()) {
            case CONFIGURED -> ConfiguredKeyEncryptionKeys.from(properties);
            case VAULT ->
                new VaultTransitKeyEncryptionKeys(http.getIfAvailable(RestClient::builder), properties.vault());
        };
    }
}
