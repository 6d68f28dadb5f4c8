package io.openhire.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds two layers of defaults under everything else a service is configured with:
 *
 * <ol>
 *   <li>{@code classpath:openhire/services/<spring.application.name>.properties}: the service's own
 *       defaults (port, feature settings), shipped inside the service library;
 *   <li>{@code classpath:openhire/platform-defaults.properties}: what every service shares.
 * </ol>
 *
 * <p>Why not {@code application.yml}: in the all-in-one launcher every service shares one classpath, so
 * no service may own a root {@code application.yml}. The service name decides which defaults apply, and
 * it is given by the {@code -app}'s configuration or by the launcher.
 */
public class OpenHireDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PLATFORM_DEFAULTS = "openhire/platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        String service = environment.getProperty("spring.application.name");
        if (service != null && !service.isBlank()) {
            ClassPathResource serviceDefaults = new ClassPathResource("openhire/services/" + service + ".properties");
            if (serviceDefaults.exists()) {
                sources.addLast(load("openhire-service-defaults", serviceDefaults));
            }
        }
        sources.addLast(load("openhire-platform-defaults", new ClassPathResource(PLATFORM_DEFAULTS)));
    }

    private static ResourcePropertySource load(String name, ClassPathResource resource) {
        try {
            return new ResourcePropertySource(name, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getPath(), e);
        }
    }

    @Override
    public int getOrder() {
        // After config data (application.yml) has been loaded, so that spring.application.name is known.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
