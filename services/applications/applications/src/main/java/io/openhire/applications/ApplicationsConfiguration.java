package io.openhire.applications;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.identity.client.IdentityApi;
import io.openhire.jobprocessing.client.JobProcessingApi;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.http.ServiceClients;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.DataSubjectRequestListener;
import io.openhire.privacy.client.PrivacyApi;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applications service: candidates as people (one record across their resumes, kept from resume.parsed.v1,
 * corrected by people), applications of candidates to jobs moving through the organisation's stages (every move
 * recorded and announced as {@code application.stage-changed.v1}, which matching learns from), notes with
 * mentions, tags, and candidate search on PostgreSQL's full text.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ApplicationsConfiguration.class)
@org.springframework.scheduling.annotation.EnableScheduling
public class ApplicationsConfiguration {

    @Bean
    Clock applicationsClock() {
        return Clock.systemUTC();
    }

    @Bean
    ResumeProcessingApi resumeProcessingApi(ServiceClients clients) {
        return clients.create(ResumeProcessingApi.class, "resume-processing");
    }

    @Bean
    ResumeIngestionApi resumeIngestionApi(ServiceClients clients) {
        return clients.create(ResumeIngestionApi.class, "resume-ingestion");
    }

    @Bean
    JobProcessingApi jobProcessingApi(ServiceClients clients) {
        return clients.create(JobProcessingApi.class, "job-processing");
    }

    @Bean
    CommunicationApi communicationApi(ServiceClients clients) {
        return clients.create(CommunicationApi.class, "communication");
    }

    @Bean
    IdentityApi identityApi(ServiceClients clients) {
        return clients.create(IdentityApi.class, "identity");
    }

    /**
     * Answers the privacy service's data-subject requests (access and erasure) with the candidates' records
     * ({@code ApplicationsDataSubjects}).
     */
    @Bean
    DataSubjectRequestListener dataSubjectRequests(
            DataSubjectHandler handler,
            ServiceClients clients,
            ServiceAccount account,
            ProcessedEvents processed,
            TransactionTemplate transactions) {
        return new DataSubjectRequestListener(
                "applications", handler, clients.create(PrivacyApi.class, "privacy"), account, processed, transactions);
    }
}
