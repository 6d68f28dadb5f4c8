package io.openhire.resumeprocessing.parsing;

import io.openhire.resumetagger.ResumeTagger;
import io.openhire.resumetagger.ResumeTagger.Field;
import io.openhire.resumetagger.ResumeTagger.Found;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * Tags the resume's text as written (its layout — indentation, blank lines, long lines — is what the tagger
     * learned from; {@link Lines} normalises it away) and files each span under the line of {@code lines} that
     * holds it. Spans come in the text's order, as lines do, so each is looked for from where the last was
     * found; a span running over a line break keeps its first line's part.
     */
    static TaggedLines of(ResumeTagger tagger, List<String> lines, String text) {
        List<List<Span>> byLine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byLine.add(new ArrayList<>());
        }
        int line = 0;
        int from = 0;
        int lastStart = 0;
        List<Found> inOrder = new ArrayList<>(tagger.tag(text));
        inOrder.sort(Comparator.comparingInt(Found::start));
        for (Found found : inOrder) {
            // No further than the places since the last span where Lines may have cut (line breaks; runs of
            // spaces, where a long line is split): a span the lines do not hold is dropped, not matched further down.
            int cuts = (int) BREAK.matcher(text.substring(lastStart, found.start()))
                    .results()
                    .count();
            lastStart = found.start();
            // As Lines writes it; over a cut, its first part ("freelance music" of "freelance music⏎producer").
            String spaced = found.text().replace('\u00a0', ' ').strip();
            String whole = spaced.replaceAll("\\s+", " ");
            String first = BREAK.split(spaced, 2)[0].replaceAll("\\s+", " ");
            boolean placed = false;
            for (String written : whole.equals(first) ? List.of(whole) : List.of(whole, first)) {
                for (int i = line; !placed && !written.isEmpty() && i < Math.min(lines.size(), line + cuts + 2); i++) {
                    int at = lines.get(i).indexOf(written, i == line ? from : 0);
                    if (at >= 0) {
                        byLine.get(i).add(new Span(found.field(), at, at + written.length(), written, found.score()));
                        line = i;
                        from = at + written.length();
                        placed = true;
                    }
                }
            }
        }
        return new TaggedLines(byLine, true);
    }

    /**
     * Tags the lines the parser reads, joined by line breaks (what the tagger reads well when a text lost its
     * line breaks), each span filed under the line it starts on.
     */
    static TaggedLines ofLines(ResumeTagger tagger, List<String> lines) {
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

    /**
     * The spans of both readings: the text as written ({@link #of}) and the parser's lines ({@link #ofLines}),
     * a span of the second kept where it overlaps none of the first on its line.
     */
    static TaggedLines both(ResumeTagger tagger, List<String> lines, String text) {
        TaggedLines written = of(tagger, lines, text);
        TaggedLines joined = ofLines(tagger, lines);
        List<List<Span>> byLine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Span> spans = new ArrayList<>(written.byLine.get(i));
            for (Span s : joined.byLine.get(i)) {
                if (spans.stream().noneMatch(w -> w.start() < s.end() && s.start() < w.end())) {
                    spans.add(s);
                }
            }
            spans.sort(Comparator.comparingInt(Span::start));
            byLine.add(spans);
        }
        return new TaggedLines(byLine, true);
    }

    /** Where {@link Lines} may cut a text: a line break, or a run of spaces (a long line is split there). */
    private static final Pattern BREAK = Pattern.compile("\\R|[\\s\u00a0]{2,}|\t");

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

    /** Every span of a field, in the order of the text. */
    List<Span> all(Field field) {
        return byLine.stream()
                .flatMap(List::stream)
                .filter(s -> s.field() == field)
                .toList();
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
