package io.openhire.platform.testapp;

import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Wires the test application to embedded PostgreSQL, embedded Kafka and a test token issuer. */
public final class TestAppSupport {

    public static final TestTokens TOKENS = new TestTokens();

    /** Must be known before the context starts: it selects the service defaults and migrations. */
    public static final String NAME = "spring.application.name=platform-test-app";

    private TestAppSupport() {}

    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform_test_app");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.security.revocations-refresh", () -> "200ms");
    }
}
