package io.openhire.modelserving.app;

import io.openhire.modelserving.ModelServingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** model-serving as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ModelServingConfiguration.class)
public class ModelServingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModelServingApplication.class, args);
    }
}
