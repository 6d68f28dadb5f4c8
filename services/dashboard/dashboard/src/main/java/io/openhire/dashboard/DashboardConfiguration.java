package io.openhire.dashboard;

import io.openhire.applications.client.ApplicationsApi;
import io.openhire.communication.client.CommunicationApi;
import io.openhire.identity.client.IdentityApi;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobprocessing.client.JobProcessingApi;
import io.openhire.matching.client.MatchingApi;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.notification.client.NotificationApi;
import io.openhire.platform.http.ServiceClients;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.training.client.TrainingApi;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard: the web UI recruiters, clients and admins use. Pages are rendered on the server
 * (Thymeleaf) from what the services' APIs answer for the signed-in user — called with that user's own
 * token, so each service's rules (roles, organisation) apply unchanged — and updated in place with htmx
 * and a server-sent event stream fed from Kafka. The services are called through their typed clients
 * ({@code <svc>-client}): a renamed field or category is a compile error here, not a blank on a page.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = DashboardConfiguration.class)
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardConfiguration {

    @Bean
    Clock dashboardClock() {
        return Clock.systemUTC();
    }

    /** The all-in-one's local mail server, for the Mail page and its link in the menu ({@code @localMail}). */
    @Bean
    DashboardProperties.LocalMail localMail(DashboardProperties properties) {
        return properties.localMail();
    }

    @Bean
    IdentityApi dashboardIdentityApi(ServiceClients clients) {
        return clients.create(IdentityApi.class, "identity");
    }

    @Bean
    JobIngestionApi dashboardJobIngestionApi(ServiceClients clients) {
        return clients.create(JobIngestionApi.class, "job-ingestion");
    }

    @Bean
    JobProcessingApi dashboardJobProcessingApi(ServiceClients clients) {
        return clients.create(JobProcessingApi.class, "job-processing");
    }

    @Bean
    ResumeIngestionApi dashboardResumeIngestionApi(ServiceClients clients) {
        return clients.create(ResumeIngestionApi.class, "resume-ingestion");
    }

    @Bean
    ResumeProcessingApi dashboardResumeProcessingApi(ServiceClients clients) {
        return clients.create(ResumeProcessingApi.class, "resume-processing");
    }

    @Bean
    MatchingApi dashboardMatchingApi(ServiceClients clients) {
        return clients.create(MatchingApi.class, "matching");
    }

    @Bean
    CommunicationApi dashboardCommunicationApi(ServiceClients clients) {
        return clients.create(CommunicationApi.class, "communication");
    }

    @Bean
    NotificationApi dashboardNotificationApi(ServiceClients clients) {
        return clients.create(NotificationApi.class, "notification");
    }

    @Bean
    ApplicationsApi dashboardApplicationsApi(ServiceClients clients) {
        return clients.create(ApplicationsApi.class, "applications");
    }

    @Bean
    io.openhire.applications.client.CareersApi dashboardCareersApi(ServiceClients clients) {
        return clients.create(io.openhire.applications.client.CareersApi.class, "applications");
    }

    @Bean
    io.openhire.applications.client.PortalApi dashboardPortalApi(ServiceClients clients) {
        return clients.create(io.openhire.applications.client.PortalApi.class, "applications");
    }

    @Bean
    io.openhire.applications.client.ClientsApi dashboardClientsApi(ServiceClients clients) {
        return clients.create(io.openhire.applications.client.ClientsApi.class, "applications");
    }

    @Bean
    ModelRegistryApi dashboardModelRegistryApi(ServiceClients clients) {
        return clients.create(ModelRegistryApi.class, "model-registry");
    }

    /** audit: the organisation's audit log, for its admins' Audit log page. */
    @Bean
    io.openhire.audit.client.AuditApi dashboardAuditApi(ServiceClients clients) {
        return clients.create(io.openhire.audit.client.AuditApi.class, "audit");
    }

    /** privacy: people's requests about their data, for its admins' Privacy page. */
    @Bean
    io.openhire.privacy.client.PrivacyApi dashboardPrivacyApi(ServiceClients clients) {
        return clients.create(io.openhire.privacy.client.PrivacyApi.class, "privacy");
    }

    /**
     * monitoring: the platform's status for the System page (admins and platform operators), its error groups and
     * dead letters (platform operators), and the errors browsers report from the dashboard's pages.
     */
    @Bean
    io.openhire.monitoring.client.MonitoringApi dashboardMonitoringApi(ServiceClients clients) {
        return clients.create(io.openhire.monitoring.client.MonitoringApi.class, "monitoring");
    }

    /** training: datasets and training jobs of the models, for the Models page's platform operators. */
    @Bean
    TrainingApi dashboardTrainingApi(ServiceClients clients) {
        return clients.create(TrainingApi.class, "training");
    }
}
