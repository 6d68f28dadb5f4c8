package io.openhire.resumeprocessing.parsing;

import io.openhire.resumetagger.ResumeTagger;
import io.openhire.resumetagger.ResumeTagger.Field;
import io.openhire.resumetagger.ResumeTagger.Found;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the resume tagger marked, line by line: the parser's rules work on {@link Lines}, so the tagger
 * reads the same lines joined by line breaks and each span is filed under the line it starts on.
 */
final class TaggedLines {

    /** A tagged span of one line, offsets within that line. */
    record Span(Field field, int start, int end, String text, double score) {}

    private final List<List<Span>> byLine;
    private final boolean learned;

    private TaggedLines(List<List<Span>> byLine, boolean learned) {
        this.byLine = byLine;
        this.learned = learned;
    }

    /** Whether a tagger read the lines (false: the rules alone decide). */
    boolean learned() {
        return learned;
    }

    static TaggedLines none(int lines) {
        List<List<Span>> empty = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            empty.add(List.of());
        }
        return new TaggedLines(empty, false);
    }

    static TaggedLines of(ResumeTagger tagger, List<String> lines) {
        int[] starts = new int[lines.size()];
        StringBuilder text = new StringBuilder();
        List<List<Span>> byLine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            starts[i] = text.length();
            text.append(lines.get(i));
            byLine.add(new ArrayList<>());
        }
        for (Found found : tagger.tag(text.toString())) {
            int line = Arrays.binarySearch(starts, found.start());
            if (line < 0) {
                line = -line - 2;
            }
            int lineEnd = starts[line] + lines.get(line).length();
            int end = Math.min(found.end(), lineEnd); // a span never runs past its line's end
            byLine.get(line)
                    .add(new Span(
                            found.field(),
                            found.start() - starts[line],
                            end - starts[line],
                            text.substring(found.start(), end),
                            found.score()));
        }
        return new TaggedLines(byLine, true);
    }

    /** A text as compared with another: lower case, letters and digits, single spaces ("" for null). */
    static String key(String text) {
        return text == null
                ? ""
                : text.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip();
    }

    /** The spans of a field on a line, in order. */
    List<Span> on(int line, Field field) {
        if (line < 0 || line >= byLine.size()) {
            return List.of();
        }
        return byLine.get(line).stream().filter(s -> s.field() == field).toList();
    }

    /** The first span of a field on lines {@code [from, to)}, or null. */
    Span first(Field field, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, byLine.size()); i++) {
            for (Span span : byLine.get(i)) {
                if (span.field() == field) {
                    return span;
                }
            }
        }
        return null;
    }

    /** The line of {@link #first}, or -1. */
    int firstLine(Field field, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, byLine.size()); i++) {
            for (Span span : byLine.get(i)) {
                if (span.field() == field) {
                    return i;
                }
            }
        }
        return -1;
    }
}
