package io.openhire.dashboard;

import io.openhire.dashboard.api.IdentityApi;
import io.openhire.dashboard.api.JobReviewsApi;
import io.openhire.dashboard.api.JobsApi;
import io.openhire.dashboard.api.MatchesApi;
import io.openhire.dashboard.api.ModelsApi;
import io.openhire.dashboard.api.ProfilesApi;
import io.openhire.dashboard.api.ResumesApi;
import io.openhire.platform.http.ServiceClients;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard: the web UI recruiters, clients and admins use. Pages are rendered on the server
 * (Thymeleaf) from what the services' APIs answer for the signed-in user — called with that user's own
 * token, so each service's rules (roles, organisation) apply unchanged — and updated in place with htmx
 * and a server-sent event stream fed from Kafka.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = DashboardConfiguration.class)
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardConfiguration {

    @Bean
    Clock dashboardClock() {
        return Clock.systemUTC();
    }

    @Bean
    IdentityApi dashboardIdentityApi(ServiceClients clients) {
        return clients.create(IdentityApi.class, "identity");
    }

    @Bean
    JobsApi dashboardJobsApi(ServiceClients clients) {
        return clients.create(JobsApi.class, "job-ingestion");
    }

    @Bean
    JobReviewsApi dashboardJobReviewsApi(ServiceClients clients) {
        return clients.create(JobReviewsApi.class, "job-processing");
    }

    @Bean
    ResumesApi dashboardResumesApi(ServiceClients clients) {
        return clients.create(ResumesApi.class, "resume-ingestion");
    }

    @Bean
    ProfilesApi dashboardProfilesApi(ServiceClients clients) {
        return clients.create(ProfilesApi.class, "resume-processing");
    }

    @Bean
    MatchesApi dashboardMatchesApi(ServiceClients clients) {
        return clients.create(MatchesApi.class, "matching");
    }

    @Bean
    ModelsApi dashboardModelsApi(ServiceClients clients) {
        return clients.create(ModelsApi.class, "model-registry");
    }
}
