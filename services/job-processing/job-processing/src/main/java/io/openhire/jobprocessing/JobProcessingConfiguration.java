package io.openhire.jobprocessing;

import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.models.ChampionSkillTagger;
import io.openhire.jobprocessing.report.AdReviewer;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.platform.http.ServiceClients;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The job-processing service: consumes {@code job.ingested.v1}, extracts what each job asks for (skills,
 * years, keywords) with the registry's champion skill tagger, reviews its ad, keeps the reports and publishes
 * {@code job.optimized.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = JobProcessingConfiguration.class)
@EnableScheduling
public class JobProcessingConfiguration {

    @Bean
    Clock jobProcessingClock() {
        return Clock.systemUTC();
    }

    @Bean
    SkillsTaxonomy skillsTaxonomy() {
        return SkillsTaxonomy.load();
    }

    @Bean
    ModelRegistryApi modelRegistryApi(ServiceClients clients) {
        return clients.create(ModelRegistryApi.class, "model-registry");
    }

    /** Ads are read with the registry's champion skill tagger (swapped on a promotion). */
    @Bean
    AdReviewer adReviewer(SkillsTaxonomy taxonomy, ChampionSkillTagger tagger, Clock clock) {
        return new AdReviewer(new JobAnalyser(new SkillExtractor(taxonomy, tagger)), clock);
    }
}
