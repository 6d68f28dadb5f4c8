package io.openhire.modelregistry.app;

import io.openhire.modelregistry.ModelRegistryConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** model-registry as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ModelRegistryConfiguration.class)
public class ModelRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModelRegistryApplication.class, args);
    }
}
