package io.openhire.monitoring.app;

import io.openhire.monitoring.MonitoringConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** monitoring as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MonitoringConfiguration.class)
public class MonitoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringApplication.class, args);
    }
}
