package io.openhire.monitoring;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The monitoring service: the platform's status in one answer (every service's health, version and outbox,
 * Kafka's consumer lag and dead letters), the errors services report, grouped, and dead-lettered records to
 * inspect and replay.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = MonitoringConfiguration.class)
@EnableConfigurationProperties(MonitoringProperties.class)
@EnableScheduling
public class MonitoringConfiguration {

    @Bean
    Clock monitoringClock() {
        return Clock.systemUTC();
    }
}
