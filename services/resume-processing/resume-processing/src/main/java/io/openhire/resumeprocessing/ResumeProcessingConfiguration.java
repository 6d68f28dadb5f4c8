package io.openhire.resumeprocessing;

import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.platform.http.ServiceClients;
import io.openhire.resumeprocessing.extraction.TextExtractor;
import io.openhire.resumeprocessing.models.ChampionResumeTagger;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.storage.client.StorageApi;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The resume-processing service: turns received resumes into structured profiles
 * ({@code resume.parsed.v1}) with the registry's champion resume tagger, and scores resumes against jobs (ATS
 * reports).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ResumeProcessingConfiguration.class)
@EnableConfigurationProperties(ResumeProcessingProperties.class)
@EnableScheduling
public class ResumeProcessingConfiguration {

    @Bean
    Clock resumeProcessingClock() {
        return Clock.systemUTC();
    }

    @Bean
    SkillsTaxonomy skillsTaxonomy() {
        return SkillsTaxonomy.load();
    }

    /** Resumes are read with the registry's champion resume tagger (swapped on a promotion). */
    @Bean
    ResumeParser resumeParser(
            SkillsTaxonomy taxonomy, ChampionResumeTagger tagger, ResumeProcessingProperties properties, Clock clock) {
        return new ResumeParser(taxonomy, tagger, properties.defaultPhoneRegion(), clock);
    }

    @Bean
    ModelRegistryApi modelRegistryApi(ServiceClients clients) {
        return clients.create(ModelRegistryApi.class, "model-registry");
    }

    @Bean
    TextExtractor textExtractor(ResumeProcessingProperties properties) {
        return new TextExtractor(properties.maxTextChars(), properties.ocrAllowed());
    }

    @Bean
    StorageApi resumeStorage(ServiceClients clients) {
        return clients.create(StorageApi.class, "storage");
    }

    /** resume-ingestion: deleting a resume at its source when a person's erasure finds it by its parse. */
    @Bean
    io.openhire.resumeingestion.client.ResumeIngestionApi resumeIngestionApi(ServiceClients clients) {
        return clients.create(io.openhire.resumeingestion.client.ResumeIngestionApi.class, "resume-ingestion");
    }
}
