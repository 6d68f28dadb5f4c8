package io.openhire.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Request ids, body limits and problem details for every OpenHire service. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
@Import(GlobalProblemHandler.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(@Value("${spring.application.name:openhire}") String name) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter(name));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A service with pages of its own (the dashboard) brings its own error page instead. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    OpenApiServerCustomizer openApiServerCustomizer(
            @Value("${openhire.security.issuer:#{null}}") String publicUrl,
            @Value("${spring.application.name:openhire}") String name) {
        return new OpenApiServerCustomizer(publicUrl, name);
    }

    /** Control characters in the path or query: 400 before anything else reads them (PlainText). */
    @Bean
    FilterRegistrationBean<PlainTextFilter> plainTextFilter() {
        FilterRegistrationBean<PlainTextFilter> registration = new FilterRegistrationBean<>(new PlainTextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Control characters in JSON strings: 400 naming the field (PlainText). */
    @Bean
    tools.jackson.databind.JacksonModule plainTextStrings() {
        return PlainText.jacksonModule();
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestSizeLimitFilter")
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(RequestSizeLimitFilter.of(properties.maxRequestSize()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * {@code /actuator/info} says which build this service runs ({@code openhire.version}): the monitoring
     * service's status shows it per service, so a half-finished rollout is visible.
     */
    @Bean
    org.springframework.boot.actuate.info.InfoContributor openHireVersion(
            @Value("${spring.application.name:openhire}") String name) {
        String version = WebAutoConfiguration.class.getPackage().getImplementationVersion();
        java.util.Map<String, Object> details =
                java.util.Map.of("service", name, "version", version == null ? "development" : version);
        return builder -> builder.withDetail("openhire", details);
    }

    /**
     * What is not traced: scheduled rounds (a poller's tick every second would be most of the traces; the calls it
     * makes are still traced, as traces of their own) and the identity keys and revocation list every service polls
     * ({@code /.well-known/…}). A trace is then a request someone made or an event a listener handled.
     */
    @Bean
    io.micrometer.observation.ObservationPredicate openHireUntracedRounds() {
        return (name, context) -> {
            if (name.equals("tasks.scheduled.execution")) {
                return false;
            }
            if (context instanceof org.springframework.http.server.observation.ServerRequestObservationContext server) {
                return !server.getCarrier().getRequestURI().startsWith(WELL_KNOWN);
            }
            if (context instanceof org.springframework.http.client.observation.ClientRequestObservationContext client
                    && client.getCarrier() != null) {
                String path = client.getCarrier().getURI().getPath();
                return path == null || !path.startsWith(WELL_KNOWN);
            }
            return true;
        };
    }

    private static final String WELL_KNOWN = "/.well-known/";
}
