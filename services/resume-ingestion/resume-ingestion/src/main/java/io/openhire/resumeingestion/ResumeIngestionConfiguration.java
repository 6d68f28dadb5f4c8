package io.openhire.resumeingestion;

import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.platform.crypto.AesGcm;
import io.openhire.platform.http.ServiceClients;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.storage.client.StorageApi;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The resume-ingestion service: takes resumes in (upload, IMAP mailboxes), checks them, keeps the
 * originals in storage, and announces them with {@code resume.received.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ResumeIngestionConfiguration.class)
@EnableConfigurationProperties(ResumeIngestionProperties.class)
@EnableScheduling
public class ResumeIngestionConfiguration {

    @Bean
    StorageApi storageApi(ServiceClients clients) {
        return clients.create(StorageApi.class, "storage");
    }

    @Bean
    ResumeProcessingApi processingApi(ServiceClients clients) {
        return clients.create(ResumeProcessingApi.class, "resume-processing");
    }

    @Bean
    JobIngestionApi jobIngestionApi(ServiceClients clients) {
        return clients.create(JobIngestionApi.class, "job-ingestion");
    }

    @Bean
    Clock resumeIngestionClock() {
        return Clock.systemUTC();
    }

    /** Seals mailbox passwords; required only once a mailbox is added. */
    @Bean
    MailboxSecrets mailboxSecrets(ResumeIngestionProperties properties) {
        return new MailboxSecrets(properties.mailboxKey());
    }

    /** AES-GCM for mailbox passwords, created on first use so that a service without mailboxes needs no key. */
    public static final class MailboxSecrets {
        private final String key;
        private volatile AesGcm cipher;

        MailboxSecrets(String key) {
            this.key = key;
        }

        public AesGcm cipher() {
            if (cipher == null) {
                cipher = AesGcm.fromBase64Key("openhire.resume-ingestion.mailbox-key", key);
            }
            return cipher;
        }
    }
}
