package io.openhire.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 400 for a path or query parameter with control characters (see {@link PlainText}), naming it, before
 * any controller or database sees it. Reads the query string itself rather than the parameter map, so a
 * form or multipart body is not consumed here.
 */
public class PlainTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = offendingField(request);
        if (field != null) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has 1 invalid field(s).");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", PlainText.MESSAGE)));
            Problems.write(response, GlobalProblemHandler.withRequestId(problem));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter (or "path") holding control characters, or null. */
    static String offendingField(HttpServletRequest request) {
        if (PlainText.hasControlCharacters(decode(request.getRequestURI()))) {
            return "path";
        }
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (PlainText.hasControlCharacters(name) || PlainText.hasControlCharacters(value)) {
                return PlainText.hasControlCharacters(name) ? "query" : name;
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // malformed escapes are the servlet container's to refuse
        }
    }
}
