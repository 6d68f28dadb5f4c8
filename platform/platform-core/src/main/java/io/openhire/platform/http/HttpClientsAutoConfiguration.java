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
}
