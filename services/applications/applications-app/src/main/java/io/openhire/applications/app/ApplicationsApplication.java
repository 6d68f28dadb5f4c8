package io.openhire.applications.app;

import io.openhire.applications.ApplicationsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** applications as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ApplicationsConfiguration.class)
public class ApplicationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApplicationsApplication.class, args);
    }
}
