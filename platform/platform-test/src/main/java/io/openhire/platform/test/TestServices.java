package io.openhire.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs another real service inside a test, on its own random port and fresh database, the way the
 * launcher runs it: for a service under test that calls it over HTTP (resume-ingestion → storage).
 */
public final class TestServices {

    private TestServices() {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {}

    /** A started service; {@link #url()} is where it listens. */
    public record Running(ConfigurableApplicationContext context) implements AutoCloseable {
        public String url() {
            return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /**
     * @param name the service's {@code spring.application.name} (selects its defaults and migrations)
     * @param configuration its {@code <Svc>Configuration}
     * @param tokens the issuer whose tokens it accepts
     * @param properties anything else it needs (keys, directories)
     */
    public static Running start(
            String name, Class<?> configuration, TestTokens tokens, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.application.name", name);
        all.put("server.port", "0");
        all.put("spring.datasource.url", TestPostgres.newDatabase(name.replace('-', '_')));
        all.put("spring.datasource.username", "postgres");
        all.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        all.put("openhire.security.issuer", TestTokens.ISSUER);
        all.put("openhire.security.jwk-set-uri", tokens.jwkSetUri());
        all.putAll(properties);
        // As command-line arguments: they win over the service's own defaults (server.port=8193...).
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Host.class, configuration).run(args);
        return new Running(context);
    }
}
