package io.openhire.platform.web;

import io.openhire.platform.errors.DomainException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem detail with a stable {@code
 * type}. Unexpected exceptions are logged with the request id and answered with a generic 500 that
 * carries the request id and nothing else: no stack traces, no SQL, no class names.
 */
@RestControllerAdvice
public class GlobalProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalProblemHandler.class);

    /** Sends unexpected errors to the monitoring service, where one is configured. */
    private final org.springframework.beans.factory.ObjectProvider<io.openhire.platform.monitoring.ErrorReporter>
            errorReporter;

    public GlobalProblemHandler(
            org.springframework.beans.factory.ObjectProvider<io.openhire.platform.monitoring.ErrorReporter>
                    errorReporter) {
        this.errorReporter = errorReporter;
    }

    public record FieldProblem(String field, String message) {}

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e) {
        ProblemDetail problem = withRequestId(e.toProblemDetail());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        Object retryAfter =
                problem.getProperties() == null ? null : problem.getProperties().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.body(problem);
    }

    /** A business rule's outcome from core code: its category decides the status, here and only here. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> handleDomain(DomainException e) {
        HttpStatus status = statusOf(e.category());
        ProblemDetail problem = Problems.of(status, e.kind(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        Object retryAfter = e.properties().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.body(withRequestId(problem));
    }

    public static HttpStatus statusOf(DomainException.Category category) {
        return switch (category) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case LOCKED -> HttpStatus.LOCKED;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
        };
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> handleAccessDenied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(withRequestId(Problems.of(
                        HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    /** The database is unreachable or overloaded: the request may succeed shortly, so say 503 and when. */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseAway(RuntimeException e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(withRequestId(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "dependency-unavailable",
                        "Service unavailable",
                        "The service's database is unavailable. Try again shortly.")));
    }

    /**
     * A write the database refused because of what the request carried: text it cannot store (SQL state
     * class 22, e.g. a NUL byte that slipped past {@link PlainText}) is the client's 400; a constraint
     * (class 23: a duplicate, a reference to something that went away meanwhile) is a 409. Never a 500.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleDataIntegrity(org.springframework.dao.DataIntegrityViolationException e) {
        String state = sqlState(e);
        log.info("Database refused a write: SQL state {}", state);
        if (state != null && state.startsWith("22")) {
            return ResponseEntity.badRequest()
                    .body(withRequestId(Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "invalid-text",
                            "Invalid request",
                            "The request holds a value that cannot be stored (for example a control character).")));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(
                        withRequestId(
                                Problems.of(
                                        HttpStatus.CONFLICT,
                                        "conflict",
                                        "Conflict",
                                        "The change conflicts with the current state (it may have been made already). Reload and try again.")));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** {@code items[2].name} from the path Jackson records while reading. */
    private static String jsonPath(tools.jackson.core.JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        log.error("Unexpected error while handling request", e);
        errorReporter.ifAvailable(reporter -> reporter.requestFailed(e, operationOf(request)));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(withRequestId(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side. Quote the request id if you report it.")));
    }

    /** The route pattern, never the concrete path: {@code GET /api/v1/candidates/{id}}, not the candidate's id. */
    public static String operationOf(jakarta.servlet.http.HttpServletRequest request) {
        Object pattern =
                request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern == null ? "(no route)" : pattern);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err ->
                                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlainText.ControlCharactersException controls) {
                return ResponseEntity.badRequest()
                        .body(validation(List.of(new FieldProblem(jsonPath(controls), PlainText.MESSAGE))));
            }
        }
        return ResponseEntity.badRequest()
                .body(withRequestId(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed-request",
                        "Malformed request",
                        "The request body is missing or is not valid JSON of the expected shape.")));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(withRequestId(
                        Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at this path.")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .body(withRequestId(Problems.of(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Method not allowed",
                        "This path does not accept " + e.getMethod() + ".")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .headers(headers)
                .body(withRequestId(Problems.of(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "This endpoint does not accept that content type.")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(validation(List.of(new FieldProblem(name, "has the wrong format"))));
    }

    /**
     * A request value of a kind no converter turns into the parameter's type — a file where a form expects text:
     * the request's shape is wrong, a 400 naming the field (Spring's default is a 500).
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(
            org.springframework.beans.ConversionNotSupportedException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name =
                e instanceof org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException m
                        ? m.getName()
                        : e.getPropertyName();
        return ResponseEntity.badRequest()
                .body(validation(
                        List.of(new FieldProblem(name == null ? "request" : name, "has the wrong kind of value"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(withRequestId(Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "file-too-large",
                        "File too large",
                        "The uploaded file is larger than this endpoint accepts.")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(validation(List.of(new FieldProblem(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(validation(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    /** Everything else Spring MVC knows about keeps its status but gets our type and request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.forStatus(HttpStatus.valueOf(status.value()));
        return ResponseEntity.status(status).headers(headers).body(withRequestId(problem));
    }

    private static ProblemDetail validation(List<FieldProblem> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(f -> Map.of("field", f.field(), "message", String.valueOf(f.message())))
                        .toList());
        return withRequestId(problem);
    }

    static ProblemDetail withRequestId(ProblemDetail problem) {
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
