package io.openhire.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server: requests need a valid RS256 access token from identity,
 * except health, API docs and the paths the service declares public ({@code openhire.security.public-paths}).
 * Roles become {@code ROLE_*} authorities, so {@code @PreAuthorize("hasRole('ADMIN')")} works.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    /** Served to anyone: liveness/readiness for orchestrators, API docs for developers. */
    public static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/error");

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain openHireSecurityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for CSRF to ride on
                .cors(Customizer.withDefaults()) // uses a CorsConfigurationSource bean where a service has one
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                // No sessions, so nothing to sign out of: /logout must reach the service that owns it (the
                // dashboard, behind the gateway) instead of Spring Security's default handler here.
                .logout(l -> l.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .access(fromNetworks(properties.metricsAllowedNetworks()))
                        .requestMatchers(
                                properties.tokenOnlyFor().isEmpty()
                                        ? new String[] {"/**"}
                                        : properties.tokenOnlyFor().toArray(String[]::new))
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        // the DSL has no setter for the filter's failure handler (which rethrows what is not a 401)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * No per-filter observations: Spring Security would otherwise open a span and a timer for each of
     * its ~15 filters on every request. The HTTP server observation already covers the request.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    static AuthorizationManager<RequestAuthorizationContext> fromNetworks(List<String> networks) {
        List<IpAddressMatcher> matchers =
                networks.stream().map(IpAddressMatcher::new).toList();
        return (authentication, context) -> new AuthorizationDecision(
                matchers.stream().anyMatch(m -> m.matches(context.getRequest().getRemoteAddr())));
    }

    /** identity's revocation list, read in the background (identity itself brings its own, from its database). */
    @Bean
    @ConditionalOnMissingBean(TokenRevocations.class)
    TokenRevocations tokenRevocations(SecurityProperties properties) {
        if (properties.revocationsUri() == null) {
            throw new IllegalStateException(
                    "Set openhire.security.revocations-uri (identity's /.well-known/revocations) or jwk-set-uri");
        }
        return new PublishedRevocations(
                java.net.URI.create(properties.revocationsUri()), properties.revocationsRefresh());
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecurityProperties properties, TokenRevocations revocations) {
        if (properties.jwkSetUri() == null || properties.issuer() == null) {
            throw new IllegalStateException(
                    "Set openhire.security.jwk-set-uri and openhire.security.issuer (identity's JWKS and issuer)");
        }
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(tokenValidator(properties.issuer()));
        return new RevocationCheckingJwtDecoder(new CachingJwtDecoder(decoder), revocations);
    }

    /** Issuer, expiry and the presence of an organisation: a token without one is not ours. */
    public static OAuth2TokenValidator<Jwt> tokenValidator(String issuer) {
        OAuth2TokenValidator<Jwt> hasOrganization = jwt -> jwt.getClaimAsString(TokenClaims.ORGANIZATION) != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token has no organisation", null));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), hasOrganization);
    }

    public static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles());
        return converter;
    }

    private static Converter<Jwt, Collection<GrantedAuthority>> roles() {
        return jwt -> CurrentUser.from(jwt).roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    @Bean
    WebMvcConfigurer authenticatedUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUser.ArgumentResolver());
            }
        };
    }
}
