package io.openhire.platform.web;

import io.openhire.platform.json.JsonText;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds problem details and writes them from places outside Spring MVC (servlet filters). */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemException.type(kind));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A problem for a bare status, when nothing more specific is known: {@code internal} for 500,
     * otherwise the status name as kind ({@code not-acceptable}, {@code payload-too-large}, ...).
     */
    public static ProblemDetail forStatus(HttpStatus status) {
        String kind = status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "internal"
                : status.name().toLowerCase().replace('_', '-');
        return of(status, kind, status.getReasonPhrase(), status.getReasonPhrase() + ".");
    }

    /**
     * Writes a problem without a JSON library, so that filters which run before (or without) the MVC
     * machinery can answer with the same shape as controllers do.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        StringBuilder json = new StringBuilder("{");
        field(json, "type", String.valueOf(problem.getType()));
        json.append(',');
        field(json, "title", problem.getTitle());
        json.append(",\"status\":").append(problem.getStatus());
        if (problem.getDetail() != null) {
            json.append(',');
            field(json, "detail", problem.getDetail());
        }
        URI instance = problem.getInstance();
        if (instance != null) {
            json.append(',');
            field(json, "instance", instance.toString());
        }
        if (problem.getProperties() != null) {
            for (java.util.Map.Entry<String, Object> property :
                    problem.getProperties().entrySet()) {
                if (!property.getKey().equals("requestId")) {
                    json.append(",\"");
                    JsonText.appendEscaped(json, property.getKey()).append("\":");
                    value(json, property.getValue());
                }
            }
        }
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            json.append(',');
            field(json, "requestId", requestId);
        }
        json.append('}');
        response.getWriter().write(json.toString());
        response.flushBuffer();
    }

    /** Strings, numbers, booleans, lists and maps of them: what filters put into a problem's properties. */
    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof java.util.Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(first ? "\"" : ",\"");
                JsonText.appendEscaped(json, String.valueOf(entry.getKey())).append("\":");
                value(json, entry.getValue());
                first = false;
            }
            json.append('}');
        } else if (value instanceof Iterable<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                json.append(first ? "" : ",");
                value(json, item);
                first = false;
            }
            json.append(']');
        } else {
            json.append('"');
            JsonText.appendEscaped(json, String.valueOf(value)).append('"');
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        JsonText.appendEscaped(json, value).append('"');
    }
}
