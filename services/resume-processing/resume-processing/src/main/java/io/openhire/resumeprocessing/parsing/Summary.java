package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import java.util.List;

/** The candidate's own summary: the summary section, or a long sentence in the header. */
final class Summary {

    private static final int MAX_CHARS = 1000;

    /** The first twelve lines of the first non-empty summary section, else the header's first long line, or null. */
    static String of(List<String> lines, List<Section> sections, int headerEnd) {
        for (Section s : sections) {
            if (s.kind() == Kind.SUMMARY && s.to() > s.from()) {
                String text = String.join(" ", lines.subList(s.from(), Math.min(s.to(), s.from() + 12)));
                return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
            }
        }
        for (int i = 0; i < Math.min(headerEnd, lines.size()); i++) {
            String line = lines.get(i);
            if (line.split("\\s+").length >= 15 && !line.contains("@")) {
                return line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) : line;
            }
        }
        return null;
    }

    private Summary() {}
}
