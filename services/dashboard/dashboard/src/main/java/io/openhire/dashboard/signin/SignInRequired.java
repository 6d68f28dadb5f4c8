package io.openhire.dashboard.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Someone not (or no longer) signed in: pages redirect to the sign-in page, saying the session ended when
 * the browser still sent an old session; htmx requests get {@code HX-Redirect} so the whole page goes there
 * instead of a login form being swapped into a table; the live-update stream just gets 401.
 */
class SignInRequired implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean ended = request.getAttribute(TokenRenewal.SESSION_ENDED) != null
                || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
        String target = ended ? "/login?expired" : "/login";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        } else if (String.valueOf(request.getHeader("Accept")).contains("text/event-stream")
                || !"GET".equals(request.getMethod())) {
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        } else {
            response.sendRedirect(target);
        }
    }
}
