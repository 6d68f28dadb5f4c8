package io.openhire.privacy.client;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/privacy/anonymize}: the text, which entity types (optional: all), the lowest score
 * (optional: 0.5), and an operator per type; the key {@code DEFAULT} is used for the types not named, and
 * without it a type is replaced by {@code <TYPE>}.
 */
public record AnonymizeRequest(
        String text, List<String> entities, Double scoreThreshold, Map<String, OperatorSpec> operators) {}
