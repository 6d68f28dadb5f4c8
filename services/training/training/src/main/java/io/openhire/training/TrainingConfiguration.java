package io.openhire.training;

import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.platform.http.ServiceClients;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The training service: imports datasets (CoNLL, JSONL spans), runs training jobs one at a time at low
 * priority with progress and cancel, evaluates each trained model on held-out sentences beside the current
 * champion, and registers it in model-registry with its metrics and lineage. A platform operator then
 * promotes it there, and the services tagging with that model pick it up.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = TrainingConfiguration.class)
@EnableConfigurationProperties(TrainingProperties.class)
public class TrainingConfiguration {

    @Bean
    Clock trainingClock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelRegistryApi modelRegistryApi(ServiceClients clients) {
        return clients.create(ModelRegistryApi.class, "model-registry");
    }

    /** What the skill tagger's features read; loaded once (~0.3 s). */
    @Bean
    SkillsTaxonomy skillsTaxonomy() {
        return SkillsTaxonomy.load();
    }
}
