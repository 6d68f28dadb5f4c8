package io.openhire.jobingestion;

import io.openhire.platform.crypto.AesGcm;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The job-ingestion service: job sources per organisation, crawls of them (queued in the database, so
 * that any instance runs each once), pushed and uploaded postings; every posting normalised, linked to
 * its near duplicates, and announced with {@code job.ingested.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = JobIngestionConfiguration.class)
@EnableConfigurationProperties(JobIngestionProperties.class)
@EnableScheduling
public class JobIngestionConfiguration {

    @Bean
    Clock jobIngestionClock() {
        return Clock.systemUTC();
    }

    @Bean
    SourceCredentials sourceCredentials(JobIngestionProperties properties) {
        return new SourceCredentials(properties.credentialsKey());
    }

    /** AES-GCM for source API keys, created on first use so that a service without such sources needs no key. */
    public static final class SourceCredentials {
        private final String key;
        private volatile AesGcm cipher;

        SourceCredentials(String key) {
            this.key = key;
        }

        public AesGcm cipher() {
            if (cipher == null) {
                cipher = AesGcm.fromBase64Key("openhire.job-ingestion.credentials-key", key);
            }
            return cipher;
        }
    }
}
