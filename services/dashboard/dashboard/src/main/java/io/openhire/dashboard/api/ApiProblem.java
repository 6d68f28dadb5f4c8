package io.openhire.dashboard.api;

import io.openhire.platform.web.GlobalProblemHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * A validation problem in the words of the form that was sent: each field error under the field's label
     * ("Evaluation datasets: a dataset is trained on or held out for evaluation, not both."), without the
     * generic "The request has n invalid field(s)."; any other problem as {@link #message}.
     *
     * @param labels the form's label by the field name the service reports ({@code devDatasetIds})
     */
    public static String message(RestClientResponseException e, Map<String, String> labels) {
        try {
            Problem problem = JSON.readValue(e.getResponseBodyAsString(), Problem.class);
            if (problem.errors() != null && !problem.errors().isEmpty()) {
                List<String> sentences = new ArrayList<>();
                for (GlobalProblemHandler.FieldProblem error : problem.errors()) {
                    String field = text(error.field(), "");
                    String said = text(error.message(), "is not valid");
                    sentences.add(labels.getOrDefault(field, field) + ": " + said + (said.endsWith(".") ? "" : "."));
                }
                return String.join(" ", sentences);
            }
        } catch (RuntimeException notAProblem) {
            // as message() says it
        }
        return message(e);
    }

    /** A list of sentences a problem detail carries beside its detail (a refused promotion's "failures"). */
    public static List<String> strings(RestClientResponseException e, String property) {
        try {
            var node = JSON.readTree(e.getResponseBodyAsString()).get(property);
            List<String> values = new ArrayList<>();
            if (node != null && node.isArray()) {
                node.forEach(value -> {
                    if (value.isString() && !value.asString().isBlank()) {
                        values.add(value.asString());
                    }
                });
            }
            return values;
        } catch (RuntimeException notAProblem) {
            return List.of();
        }
    }

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
