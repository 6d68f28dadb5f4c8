package io.openhire.tagging;

import java.util.ArrayList;
import java.util.List;

/** Words {@code [start, end)} of a sentence with a type ("Skill"). */
public record TokenSpan(int start, int end, String type) {

    /**
     * The spans of a BIO tag sequence. An {@code I-} that does not continue a span of its type starts one
     * (the usual lenient reading, as seqeval's default mode does).
     */
    public static List<TokenSpan> fromTags(List<String> tags) {
        List<TokenSpan> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean inside = tag.startsWith("I-") && type != null && type.equals(tag.substring(2));
            if (start >= 0 && !inside) {
                spans.add(new TokenSpan(start, i, type));
                start = -1;
                type = null;
            }
            if (tag.startsWith("B-") || (tag.startsWith("I-") && start < 0)) {
                start = i;
                type = tag.substring(2);
            }
        }
        return spans;
    }

    public boolean overlaps(TokenSpan other) {
        return start < other.end && other.start < end;
    }
}
