package io.openhire.audit.app;

import io.openhire.audit.AuditConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** audit as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AuditConfiguration.class)
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
