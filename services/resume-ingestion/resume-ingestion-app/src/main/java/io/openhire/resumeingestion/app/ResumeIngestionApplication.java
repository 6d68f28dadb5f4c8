package io.openhire.resumeingestion.app;

import io.openhire.resumeingestion.ResumeIngestionConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** resume-ingestion as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ResumeIngestionConfiguration.class)
public class ResumeIngestionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResumeIngestionApplication.class, args);
    }
}
