package io.openhire.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a client caused or must know about, answered as an RFC 9457 problem detail.
 *
 * <p>{@code kind} is a stable, short slug (for example {@code invalid-credentials}); it becomes the
 * problem's {@code type} URI, which clients may switch on. Never put secrets or personal data into the
 * detail: it is shown to the caller and may be logged.
 */
public class ProblemException extends RuntimeException {

    public static final String TYPE_BASE = "https://openhire.io/problems/";

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public static ProblemException badRequest(String kind, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, kind, "Bad request", detail);
    }

    /** The same shape as bean-validation errors, for rules checked in code (a password policy, say). */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                        HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has 1 invalid field(s).")
                .with("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, kind, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type(kind));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Expected outcomes, not bugs: a stack trace per bad request is wasted work.
        return this;
    }
}
