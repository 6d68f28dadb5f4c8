package io.openhire.notification;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notification service: turns the platform's events (a candidate replied, an interview booked or cancelled, a
 * resume that failed) and announcements into in-app notifications for an organisation's people, each with their
 * own read state and settings; publishes {@code notification.created.v1} for the pages' bells.
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
}
