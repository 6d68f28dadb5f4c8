package io.openhire.platform.security;

import io.openhire.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, as the same problem details controllers return. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

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
