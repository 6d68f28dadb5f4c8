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
import org.springframework.web.util.UrlPathHelper;

/**
 * Applies the request budgets to {@code /api/**} and the dashboard's sign-in: per client address, per
 * authenticated subject, and a tight one for the endpoints that take credentials. Runs after authentication so it knows the subject.
 * Answers 429 with {@code Retry-After} and a problem detail.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** Paths that take a credential (or make an account), compared after decoding: see {@link #pathOf}. */
    static final Set<String> CREDENTIAL_PATHS = Set.of(
            "/api/v1/users/register",
            "/api/v1/users/login",
            "/api/v1/users/refresh",
            "/api/v1/users/token",
            "/api/v1/users/service-token",
            "/api/v1/users/invitations/accept",
            "/api/v1/users/profile/password",
            "/api/v1/users/sign-in-links/redeem",
            // the dashboard's sign-in form and the candidate portal's link: the same budget
            "/login",
            "/portal/sign-in");

    /**
     * The path as routing sees it: percent-decoded, {@code ;parameters} removed, {@code //} collapsed.
     * Comparing the raw URI let {@code /api/v1/users/%6cogin} past the sign-in budget while the route,
     * which decodes, still took it to identity.
     */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    static {
        PATHS.setUrlDecode(true);
        PATHS.setRemoveSemicolonContent(true);
        PATHS.setAlwaysUseFullPath(true);
    }

    static String pathOf(HttpServletRequest request) {
        return PATHS.getLookupPathForRequest(request);
    }

    private final RateLimiter limiter;
    private final GatewayProperties.RateLimit budgets;

    public RateLimitFilter(RateLimiter limiter, GatewayProperties.RateLimit budgets) {
        this.limiter = limiter;
        this.budgets = budgets;
    }

    /** The API, the dashboard's sign-in form and career-site applications (other pages and assets are not budgeted). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return !path.startsWith("/api/")
                && !((path.equals("/login") || path.equals("/portal/sign-in")) && "POST".equals(request.getMethod()))
                && !isApplication(request, path);
    }

    /**
     * An application through a career site (the public API's, or the dashboard's form that sends it there), or a
     * candidate asking for a sign-in link (each sends someone an email).
     */
    static boolean isApplication(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod())
                && (path.startsWith("/api/v1/careers/") || path.startsWith("/careers/"))
                && (path.endsWith("/applications") || path.endsWith("/apply") || path.endsWith("/sign-in"));
    }

    /** A person at the dashboard's sign-in form gets a page, not JSON. */
    private static boolean wantsPage(HttpServletRequest request, String path) {
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    private static void writePage(HttpServletResponse response, long retryAfterSeconds, boolean applying)
            throws IOException {
        if (applying) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("""
                            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many applications · OpenHire</title>
                            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                            <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
                            <h1>Too many applications</h1>
                            <p>Too many applications were sent from your address. Wait %d seconds, then go back and
                            send yours again.</p></body></html>
                            """.formatted(retryAfterSeconds));
            return;
        }
        writePage(response, retryAfterSeconds);
    }

    private static void writePage(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts · OpenHire</title>
                        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                        <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
                        <h1>Too many sign-in attempts</h1>
                        <p>There were too many sign-in attempts from your address. Wait %d seconds, then
                        <a href="/login">sign in again</a>.</p></body></html>
                        """.formatted(retryAfterSeconds));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = request.getRemoteAddr();
        String path = pathOf(request);
        RateLimiter.Decision decision = limiter.tryAcquire("ip:" + ip, budgets.perIpPerMinute());
        if (decision.allowed() && CREDENTIAL_PATHS.contains(path)) {
            decision = limiter.tryAcquire("auth-ip:" + ip, budgets.authPerIpPerMinute());
        }
        if (decision.allowed() && isApplication(request, path)) {
            decision = limiter.tryAcquire("apply-ip:" + ip, budgets.applyPerIpPerMinute());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (decision.allowed() && authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            decision = limiter.tryAcquire("user:" + jwt.getSubject(), budgets.perUserPerMinute());
        }
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            if (wantsPage(request, path)) {
                writePage(response, decision.retryAfterSeconds(), isApplication(request, path));
                return;
            }
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
