package io.openhire.communication;

import io.openhire.identity.client.IdentityApi;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.matching.client.MatchingApi;
import io.openhire.platform.http.ServiceClients;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The communication service: sends email to candidates through a mail server (from templates or written by
 * a recruiter, once, with retries), reads their replies and bounces from a mailbox into conversations, and
 * keeps consent and the suppression list; publishes {@code message.*.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = CommunicationConfiguration.class)
@EnableConfigurationProperties(CommunicationProperties.class)
@EnableScheduling
public class CommunicationConfiguration {

    @Bean
    Clock communicationClock() {
        return Clock.systemUTC();
    }

    @Bean
    MatchingApi matchingApi(ServiceClients clients) {
        return clients.create(MatchingApi.class, "matching");
    }

    @Bean
    IdentityApi identityApi(ServiceClients clients) {
        return clients.create(IdentityApi.class, "identity");
    }

    @Bean
    JobIngestionApi jobIngestionApi(ServiceClients clients) {
        return clients.create(JobIngestionApi.class, "job-ingestion");
    }
}
