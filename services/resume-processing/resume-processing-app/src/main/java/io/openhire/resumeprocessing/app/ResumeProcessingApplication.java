package io.openhire.resumeprocessing.app;

import io.openhire.resumeprocessing.ResumeProcessingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** resume-processing as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ResumeProcessingConfiguration.class)
public class ResumeProcessingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResumeProcessingApplication.class, args);
    }
}
