package io.openhire.privacy.client;

import java.util.List;

/**
 * {@code POST /api/v1/privacy/analyze}: the text (up to 100,000 characters), its language (optional: {@code en},
 * {@code de}, {@code fr}, {@code es}, {@code nl}), the entity types to look for (optional: all) and the lowest
 * score to report (optional: 0.5).
 */
public record AnalyzeRequest(String text, String language, List<String> entities, Double scoreThreshold) {

    public static AnalyzeRequest of(String text) {
        return new AnalyzeRequest(text, null, null, null);
    }
}
