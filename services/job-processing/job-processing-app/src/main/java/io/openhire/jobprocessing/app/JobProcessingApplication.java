package io.openhire.jobprocessing.app;

import io.openhire.jobprocessing.JobProcessingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** job-processing as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(JobProcessingConfiguration.class)
public class JobProcessingApplication {

    public static void main(String[] args) {
        SpringApplication.run(JobProcessingApplication.class, args);
    }
}
