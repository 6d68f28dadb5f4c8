package io.openhire.notification;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.identity.client.IdentityApi;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.platform.http.ServiceClients;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notification service: turns the platform's events (a candidate replied, an interview booked, cancelled or
 * due, a strong match for a followed job, a resume or a job source that failed, a model promoted) and
 * announcements into in-app notifications for an organisation's people, each with their own read state and
 * settings, and emails them (at once or in a daily digest) through communication to those who asked; publishes
 * {@code notification.created.v1} for the pages' bells.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = NotificationConfiguration.class)
@EnableConfigurationProperties(NotificationProperties.class)
@EnableScheduling
public class NotificationConfiguration {

    @Bean
    Clock notificationClock() {
        return Clock.systemUTC();
    }

    @Bean
    CommunicationApi communicationApi(ServiceClients clients) {
        return clients.create(CommunicationApi.class, "communication");
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
