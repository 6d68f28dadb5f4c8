package io.openhire.matching;

import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelserving.client.EmbeddingClient;
import io.openhire.platform.http.ServiceClients;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The matching service: keeps a Lucene index per organisation of its candidates (from
 * {@code resume.parsed.v1}) and jobs (from {@code job.ingested.v1} and {@code job.optimized.v1}), ranks
 * candidates for a job and jobs for a candidate with the registry's {@code match-ranker}, explains each
 * score, and records recruiters' feedback as {@code match.feedback.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = MatchingConfiguration.class)
@EnableConfigurationProperties(MatchingProperties.class)
@EnableScheduling
public class MatchingConfiguration {

    @Bean
    Clock matchingClock() {
        return Clock.systemUTC();
    }

    @Bean
    SkillsTaxonomy matchingSkillsTaxonomy() {
        return SkillsTaxonomy.load();
    }

    @Bean
    EmbeddingClient matchingEmbeddingClient(ServiceClients clients) {
        return new EmbeddingClient(clients);
    }

    @Bean
    ResumeProcessingApi matchingResumeProcessingApi(ServiceClients clients) {
        return clients.create(ResumeProcessingApi.class, "resume-processing");
    }

    @Bean
    ModelRegistryApi matchingModelRegistryApi(ServiceClients clients) {
        return clients.create(ModelRegistryApi.class, "model-registry");
    }
}
