package io.openhire.dashboard.api;

import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sentence a service's problem detail (RFC 9457) gives a person, to show on the page. */
public final class ApiProblem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiProblem() {}

    public static String message(RestClientResponseException e) {
        try {
            JsonNode problem = JSON.readTree(e.getResponseBodyAsString());
            StringBuilder message = new StringBuilder(text(problem, "detail", text(problem, "title", "")));
            // Field errors of a validation problem: "email: must be a well-formed email address".
            for (JsonNode error : problem.path("errors")) {
                message.append(message.isEmpty() ? "" : " ")
                        .append(text(error, "field", ""))
                        .append(": ")
                        .append(text(error, "message", ""))
                        .append('.');
            }
            if (!message.isEmpty()) {
                return message.toString();
            }
        } catch (RuntimeException notJson) {
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

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : otherwise;
    }
}
