package io.openhire.jobprocessing;

import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.report.AdReviewer;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The job-processing service: consumes {@code job.ingested.v1}, extracts what each job asks for (skills,
 * years, keywords), reviews its ad, keeps the reports and publishes {@code job.optimized.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = JobProcessingConfiguration.class)
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
    AdReviewer adReviewer(SkillsTaxonomy taxonomy, Clock clock) {
        return new AdReviewer(new JobAnalyser(new SkillExtractor(taxonomy)), clock);
    }
}
