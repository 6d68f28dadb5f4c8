package io.openhire.privacy.app;

import io.openhire.privacy.PrivacyConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** privacy as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PrivacyConfiguration.class)
public class PrivacyApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrivacyApplication.class, args);
    }
}
