package io.openhire.gateway.ratelimit;

import io.openhire.gateway.GatewayProperties;
import io.openhire.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the request budgets to {@code /api/**}: per client address, per authenticated subject, and a
 * tight one for the endpoints that take credentials. Runs after authentication so it knows the subject.
 * Answers 429 with {@code Retry-After} and a problem detail.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final Set<String> CREDENTIAL_PATHS = Set.of(
            "/api/v1/users/register",
            "/api/v1/users/login",
            "/api/v1/users/refresh",
            "/api/v1/users/token",
            "/api/v1/users/invitations/accept");

    private final RateLimiter limiter;
    private final GatewayProperties.RateLimit budgets;

    public RateLimitFilter(RateLimiter limiter, GatewayProperties.RateLimit budgets) {
        this.limiter = limiter;
        this.budgets = budgets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = request.getRemoteAddr();
        RateLimiter.Decision decision = limiter.tryAcquire("ip:" + ip, budgets.perIpPerMinute());
        if (decision.allowed() && CREDENTIAL_PATHS.contains(request.getRequestURI())) {
            decision = limiter.tryAcquire("auth-ip:" + ip, budgets.authPerIpPerMinute());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (decision.allowed() && authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            decision = limiter.tryAcquire("user:" + jwt.getSubject(), budgets.perUserPerMinute());
        }
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            ProblemDetail problem = Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    "Request budget exceeded. Retry after " + decision.retryAfterSeconds() + " seconds.");
            Problems.write(response, problem);
            return;
        }
        response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        chain.doFilter(request, response);
    }
}
