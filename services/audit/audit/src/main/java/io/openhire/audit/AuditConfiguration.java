package io.openhire.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The audit service: appends the entries every service writes through platform-core's {@code AuditTrail}
 * ({@code audit.recorded.v1}) to one hash chain per organisation, and lets the organisation's admins read, export
 * and verify it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = AuditConfiguration.class)
@EnableScheduling
public class AuditConfiguration {

    @Bean
    Clock auditClock() {
        return Clock.systemUTC();
    }
}
