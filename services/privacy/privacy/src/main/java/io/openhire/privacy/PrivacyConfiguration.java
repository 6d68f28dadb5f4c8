package io.openhire.privacy;

import io.openhire.pii.PiiDetector;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The privacy service: finds personal data in text with the platform's one detector (libs/pii) and
 * anonymises it — removed, replaced, masked, hashed under the organisation's key, or pseudonymised so that
 * the same person keeps one pseudonym in the organisation and an admin can reverse it (audited).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PrivacyConfiguration.class)
@EnableConfigurationProperties(PrivacyProperties.class)
@EnableScheduling
public class PrivacyConfiguration {

    @Bean
    PiiDetector piiDetector() {
        return PiiDetector.standard();
    }

    /** applications: the candidates a retention rule reaches. */
    @Bean
    io.openhire.applications.client.RetentionApi retentionApi(io.openhire.platform.http.ServiceClients clients) {
        return clients.create(io.openhire.applications.client.RetentionApi.class, "applications");
    }

    @Bean
    Clock privacyClock() {
        return Clock.systemUTC();
    }
}
