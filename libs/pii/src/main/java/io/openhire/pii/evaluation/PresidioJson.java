package io.openhire.pii.evaluation;

import io.openhire.pii.evaluation.PresidioEvaluation.Gold;
import io.openhire.pii.evaluation.PresidioEvaluation.Sample;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Presidio-research's sample format; a span outside its text is refused with the sample's number. */
public final class PresidioJson {

    private PresidioJson() {}

    public static List<Sample> read(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException("expected a JSON list of samples");
        }
        List<Sample> samples = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root) {
            String text = node.path("full_text").asString("");
            List<Gold> spans = new ArrayList<>();
            for (JsonNode span : node.path("spans")) {
                int start = span.path("start_position").asInt(-1);
                int end = span.path("end_position").asInt(-1);
                if (start < 0 || end <= start || end > text.length()) {
                    throw new IllegalArgumentException(
                            "sample " + index + ": span [" + start + ", " + end + ") is outside its text");
                }
                spans.add(new Gold(span.path("entity_type").asString(""), start, end));
            }
            samples.add(new Sample(text, spans));
            index++;
        }
        return samples;
    }
}
