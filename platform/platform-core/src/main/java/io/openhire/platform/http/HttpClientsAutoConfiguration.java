package io.openhire.platform.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** {@link ServiceClients} for calling other services. */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@EnableConfigurationProperties(HttpClientsProperties.class)
public class HttpClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceClients serviceClients(RestClient.Builder builder, HttpClientsProperties properties) {
        return new ServiceClients(builder, properties);
    }
}
