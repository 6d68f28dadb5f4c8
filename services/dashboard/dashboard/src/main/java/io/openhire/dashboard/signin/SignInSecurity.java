package io.openhire.dashboard.signin;

import io.openhire.platform.security.SecurityAutoConfiguration;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The dashboard's security: a session cookie (HttpOnly, SameSite=Lax) instead of bearer tokens, so CSRF
 * protection is on for every form and htmx request (the token travels in a header htmx adds from the
 * page); sign-in through identity ({@link IdentitySignIn}); a strict content security policy (scripts and
 * styles only from the dashboard itself, no inline code).
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    HttpSessionSecurityContextRepository dashboardSecurityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http, IdentitySignIn signIn, HttpSessionSecurityContextRepository contexts, Clock clock)
            throws Exception {
        List<String> open = new ArrayList<>(SecurityAutoConfiguration.ALWAYS_PUBLIC);
        open.addAll(List.of("/login", "/assets/**", "/webjars/**", "/favicon.ico"));
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
                .authorizeHttpRequests(auth -> auth.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
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
                .exceptionHandling(e -> e.authenticationEntryPoint(new SignInRequired()))
                .addFilterAfter(new TokenRenewal(signIn, contexts, clock), SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
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
