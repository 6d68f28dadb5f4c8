package io.openhire.jobingestion.app;

import io.openhire.jobingestion.JobIngestionConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** job-ingestion as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(JobIngestionConfiguration.class)
public class JobIngestionApplication {

    public static void main(String[] args) {
        SpringApplication.run(JobIngestionApplication.class, args);
    }
}
