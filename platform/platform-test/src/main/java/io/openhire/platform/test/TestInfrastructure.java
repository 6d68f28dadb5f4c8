package io.openhire.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at a fresh embedded database, the embedded Kafka and the test issuer. */
public final class TestInfrastructure {

    private TestInfrastructure() {}

    /** For {@code @DynamicPropertySource}: a new database named after {@code databasePrefix}. */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        String db = TestPostgres.newDatabase(databasePrefix);
        registry.add("spring.datasource.url", () -> db);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("openhire.security.issuer", () -> TestTokens.ISSUER);
    }
}
