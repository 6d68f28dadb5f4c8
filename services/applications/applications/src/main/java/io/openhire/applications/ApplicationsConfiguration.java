package io.openhire.applications;

import io.openhire.audit.client.AuditApi;
import io.openhire.communication.client.CommunicationApi;
import io.openhire.identity.client.IdentityApi;
import io.openhire.jobprocessing.client.JobProcessingApi;
import io.openhire.platform.http.ServiceClients;
import io.openhire.privacy.client.PrivacyApi;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

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
     * The privacy service, for the requests candidates file from the portal. (Its requests to this service are
     * answered by {@code ApplicationsDataSubjects}, a {@code DataSubjectHandler}: privacy-client's
     * auto-configuration gives it its listener.)
     */
    @Bean
    PrivacyApi privacyApi(ServiceClients clients) {
        return clients.create(PrivacyApi.class, "privacy");
    }

    /** The audit log, read (one record at a time, as this service) to show a candidate who looked at their file. */
    @Bean
    AuditApi auditApi(ServiceClients clients) {
        return clients.create(AuditApi.class, "audit");
    }
}
