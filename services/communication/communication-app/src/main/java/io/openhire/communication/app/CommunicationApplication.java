package io.openhire.communication.app;

import io.openhire.communication.CommunicationConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** communication as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommunicationConfiguration.class)
public class CommunicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunicationApplication.class, args);
    }
}
