package io.openhire.dashboard.signin;

import io.openhire.dashboard.DashboardProperties;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.security.SecurityAutoConfiguration;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.util.SessionConfig;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The dashboard's security: a session cookie (HttpOnly, SameSite=Lax) instead of bearer tokens, so CSRF
 * protection is on for every form and htmx request (the token travels in a header htmx adds from the
 * page); sign-in through identity ({@link IdentitySignIn}); which roles open which pages; a strict content
 * security policy (scripts and styles only from the dashboard itself, no inline code).
 *
 * <p>Behind the gateway (or another proxy on a private network) the request's scheme is what the proxy
 * says in {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy=native}): a request that
 * reached the proxy over HTTPS gets a {@code Secure} session cookie and {@code Strict-Transport-Security}.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** A year: how long a browser keeps to HTTPS for this host after one secure answer. */
    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

    @Bean
    HttpSessionSecurityContextRepository dashboardSecurityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    /** {@code openhire.dashboard.secure-cookie}: see {@link SecureSessionCookie}. */
    @Bean
    TomcatContextCustomizer dashboardSessionCookie(DashboardProperties properties) {
        return context -> context.setCookieProcessor(new SecureSessionCookie(
                context.getCookieProcessor(),
                () -> SessionConfig.getSessionCookieName(context),
                properties.secureCookie()));
    }

    @Bean
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http, IdentitySignIn signIn, HttpSessionSecurityContextRepository contexts, Clock clock)
            throws Exception {
        List<String> open = new ArrayList<>(SecurityAutoConfiguration.ALWAYS_PUBLIC);
        // the career sites are public: anyone may read an organisation's open jobs and apply
        // and so is the candidate portal's sign-in link page (the link is the credential)
        open.addAll(List.of("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/careers/**", "/portal/sign-in"));
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        // Remember the page someone asked for before signing in (whole pages only: not a fragment, not the
        // live stream), and return there by path: behind the gateway the request's own host is not the public one.
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !"/live".equals(request.getRequestURI()));
        http.authenticationProvider(signIn)
                .requestCache(cache -> cache.requestCache(pages))
                .securityContext(c -> c.securityContextRepository(contexts))
                // Who opens what, by path, so that every fragment and form behind a page is covered too.
                // Everything not named here is for staff: clients have their portal (/client), candidates
                // theirs (/portal), and the start page sends each there (the services would refuse them
                // most data anyway, and the live stream tells of the whole organisation's resumes and jobs).
                .authorizeHttpRequests(auth -> auth.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/")
                        .authenticated()
                        // a script error on any signed-in person's page (clients' and candidates' too)
                        .requestMatchers(HttpMethod.POST, "/client-errors")
                        .authenticated()
                        .requestMatchers("/users", "/users/**", "/clients", "/clients/**", "/audit", "/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/portal", "/portal/**")
                        .hasRole("CANDIDATE")
                        .requestMatchers("/client", "/client/**")
                        .hasRole("CLIENT")
                        // The System page's error groups, dead letters and traces span every organisation (a
                        // trace's log lines are the platform's): operators only.
                        .requestMatchers(
                                "/system/errors",
                                "/system/errors/**",
                                "/system/dead-letters",
                                "/system/dead-letters/**",
                                "/system/traces",
                                "/system/traces/**")
                        .hasRole(PlatformRoles.OPERATOR)
                        .requestMatchers("/models", "/models/**", "/system", "/system/**")
                        .hasAnyRole("ADMIN", PlatformRoles.OPERATOR)
                        .anyRequest()
                        .hasAnyRole("ADMIN", "RECRUITER"))
                .formLogin(form -> form.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) -> {
                            SavedRequest saved = pages.getRequest(request, response);
                            pages.removeRequest(request, response);
                            response.sendRedirect(saved == null ? "/" : pathOf(saved.getRedirectUrl()));
                        })
                        .failureHandler(failed))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication instanceof SignedInUser user) {
                                signIn.revoke(user);
                            }
                        })
                        .deleteCookies("openhire_session")
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new SignInRequired())
                        // The error page tells a form without its CSRF token from a role that may not.
                        .accessDeniedHandler((request, response, denied) -> {
                            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                            response.sendError(HttpStatus.FORBIDDEN.value());
                        }))
                .addFilterAfter(new TokenRenewal(signIn, contexts, clock), SecurityContextHolderFilter.class)
                // HSTS is written on secure requests only (browsers ignore it over plain HTTP), for this host
                // only: the dashboard cannot speak for other hosts under the same domain.
                .headers(h -> h.httpStrictTransportSecurity(hsts ->
                                hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(false))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /** "/jobs/1?x=y" of an absolute URL: a redirect that never leaves the site, whatever host it was built for. */
    static String pathOf(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return path.startsWith("/") && !path.startsWith("//") ? path + query : "/";
    }
}
