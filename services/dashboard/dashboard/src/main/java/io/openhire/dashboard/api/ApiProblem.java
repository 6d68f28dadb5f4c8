package io.openhire.dashboard.api;

import io.openhire.platform.web.GlobalProblemHandler;
import java.util.List;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/** The sentence a service's problem detail (RFC 9457) gives a person, to show on the page. */
public final class ApiProblem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What every service's problem detail says (see {@code GlobalProblemHandler}): a title, a detail, and for
     * a validation problem the fields that were wrong.
     */
    record Problem(String title, String detail, List<GlobalProblemHandler.FieldProblem> errors) {}

    private ApiProblem() {}

    public static String message(RestClientResponseException e) {
        try {
            Problem problem = JSON.readValue(e.getResponseBodyAsString(), Problem.class);
            StringBuilder message = new StringBuilder(text(problem.detail(), text(problem.title(), "")));
            // Field errors of a validation problem: "email: must be a well-formed email address".
            for (GlobalProblemHandler.FieldProblem error :
                    problem.errors() == null ? List.<GlobalProblemHandler.FieldProblem>of() : problem.errors()) {
                message.append(message.isEmpty() ? "" : " ")
                        .append(text(error.field(), ""))
                        .append(": ")
                        .append(text(error.message(), ""))
                        .append('.');
            }
            if (!message.isEmpty()) {
                return message.toString();
            }
        } catch (RuntimeException notAProblem) {
            // fall through to the status line
        }
        return fallback(e.getStatusCode().value());
    }

    public static String fallback(int status) {
        return switch (status) {
            case 401 -> "Your session has ended. Sign in again.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "It does not exist, or it belongs to another organisation.";
            case 413 -> "That is too large.";
            case 429 -> "Too many requests. Wait a moment and try again.";
            default ->
                status >= 500 ? "The service could not do this right now. Try again shortly." : "That did not work.";
        };
    }

    private static String text(String value, String otherwise) {
        return value != null && !value.isBlank() ? value : otherwise;
    }
}
