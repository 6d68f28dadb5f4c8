package io.openhire.platform.security;

import io.openhire.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401, 403 and 503 from the security filters, as the same problem details controllers return. 503 when a token
 * could not be checked at all (identity's keys unreachable: a service started before identity, or identity down):
 * Spring Security rethrows that by default, and the servlet container turned it into a bare 500.
 */
final class ProblemSecurityHandlers
        implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    /** The bearer token filter's failures: a token that is wrong is a 401, one that could not be checked a 503. */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!(e instanceof AuthenticationServiceException)) {
            commence(request, response, e);
            return;
        }
        response.setHeader("Retry-After", "5");
        Problems.write(
                response,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "token-check-unavailable",
                        "Service Unavailable",
                        "The access token cannot be checked right now (the identity service's keys are not reachable)."
                                + " Try again in a few seconds."));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenPresent = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        tokenPresent ? "invalid-token" : "authentication-required",
                        "Unauthorized",
                        tokenPresent
                                ? "The access token is invalid or has expired."
                                : "This endpoint needs an access token (Authorization: Bearer ...)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(
                response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this."));
    }
}
