package io.openhire.platform.http;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/** {@link ServiceClients} for calling other services. */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@EnableConfigurationProperties(HttpClientsProperties.class)
public class HttpClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceAccount serviceAccount(
            RestClient.Builder builder,
            HttpClientsProperties properties,
            Environment environment,
            ObjectProvider<Clock> clock) {
        String name = environment.getProperty(
                "openhire.service-account.name", environment.getProperty("spring.application.name", "openhire"));
        String secret = environment.getProperty("openhire.service-account.secret");
        return new ServiceAccount(
                name,
                secret,
                () -> builder.clone()
                        .baseUrl(properties.urlOf("identity"))
                        .requestFactory(ServiceClients.requestFactory(properties))
                        .build(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceClients serviceClients(
            RestClient.Builder builder, HttpClientsProperties properties, ServiceAccount serviceAccount) {
        return new ServiceClients(builder, properties, serviceAccount);
    }

    /**
     * Unexpected errors go to the monitoring service ({@code openhire.clients.services.monitoring.url}, set for
     * every service in the platform defaults) unless {@code openhire.errors.report=false} (monitoring itself).
     * The service account is used only where this service has credentials of its own.
     */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            name = "openhire.errors.report",
            havingValue = "true",
            matchIfMissing = true)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("openhire.clients.services.monitoring.url")
    io.openhire.platform.monitoring.ErrorReporter errorReporter(
            RestClient.Builder builder,
            HttpClientsProperties properties,
            ServiceAccount serviceAccount,
            Environment environment,
            ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        boolean ownCredentials =
                environment.getProperty("openhire.service-account.secret", "").isBlank() == false;
        return new io.openhire.platform.monitoring.ErrorReporter(
                environment.getProperty("spring.application.name", "openhire"),
                builder.clone()
                        .baseUrl(properties.urlOf("monitoring"))
                        .requestFactory(ServiceClients.requestFactory(properties))
                        .build(),
                ownCredentials ? serviceAccount : null,
                meters.getIfAvailable());
    }
}
