package io.openhire.identity;

import io.openhire.platform.test.TestInfrastructure;
import java.util.Base64;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/** identity as the launcher starts it, on embedded PostgreSQL and Kafka. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IdentityConfiguration.class)
class IdentityTestApp {

    static final String NAME = "spring.application.name=identity";
    static final String SERVICE_SECRET = "a service secret for tests";
    static final String OPERATOR = "operator@platform.test";

    static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "identity");
        registry.add("openhire.identity.service-accounts.resume-processing", () -> SERVICE_SECRET);
        registry.add("openhire.identity.service-accounts.applications", () -> SERVICE_SECRET);
        registry.add(
                "openhire.identity.keys.master-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("openhire.events.outbox.poll-interval", () -> "200ms");
        registry.add("openhire.identity.bootstrap-operator.email", () -> OPERATOR);
        registry.add("openhire.identity.bootstrap-operator.password", () -> IdentityIT.PASSWORD);
        registry.add("openhire.identity.bootstrap-operator.organization", () -> "Ops");
    }
}
