package io.openhire.training.datasets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A dataset's file cut into its items, the unit a data-subject erasure finds a person in and takes out, and the
 * file written again without some of them. An item is
 *
 * <ul>
 *   <li>{@code ANNOTATED_XML}: one resume, a whole document (the file, or one {@code .xml} entry of the ZIP);
 *   <li>{@code CONLL}: one sentence, its lines up to the blank line after it;
 *   <li>{@code JSONL}: one line.
 * </ul>
 *
 * CoNLL and JSONL files are lists of sentences that say nothing of which document (or person) each came from: there
 * the item is the sentence itself, and the other sentences of the same job ad or resume cannot be told apart.
 *
 * <p>What is not an item is written back unchanged, byte for byte (line endings too), so that the rest of a dataset
 * reads exactly as it did; only a ZIP loses the entries training never reads (see
 * {@link AnnotatedResumes#without}).
 */
final class DatasetItems {

    /**
     * @param where where the item is in the file: "line 12", "lines 12–18", a ZIP entry's name, "the file"
     * @param text what the person is looked for in and what they are given: a resume as stored (with its labels), a
     *     CoNLL sentence's words (one space between them), a JSONL line as stored (its text, spans and whatever else
     *     the line carries)
     */
    record Item(String where, String text) {}

    private DatasetItems() {}

    static List<Item> of(DatasetFormat format, byte[] file) {
        if (file.length == 0) {
            return List.of(); // every item of it was erased
        }
        return switch (format) {
            case CONLL -> conll(lines(file)).stream().map(Located::item).toList();
            case JSONL -> jsonl(lines(file)).stream().map(Located::item).toList();
            case ANNOTATED_XML -> resumes(file);
        };
    }

    /**
     * The file without the items at {@code removed} (indexes into {@link #of}, which the caller has read and says
     * how many there are); empty when no item is left (a file of its format holds at least one, so there is nothing
     * to keep).
     */
    static byte[] without(DatasetFormat format, byte[] file, int items, Set<Integer> removed) {
        if (removed.isEmpty()) {
            return file;
        }
        if (items <= removed.size()) {
            return new byte[0];
        }
        if (format == DatasetFormat.ANNOTATED_XML) {
            return AnnotatedResumes.without(file, removed);
        }
        List<String> lines = lines(file);
        return keep(lines, format == DatasetFormat.CONLL ? conll(lines) : jsonl(lines), removed);
    }

    /** An item of a text format and the lines of the file it takes up (from, to exclusive, 0-based). */
    private record Lines(int from, int to) {}

    private record Located(Item item, Lines lines) {}

    /**
     * Sentences are runs of lines that are not blank (as {@code Conll.parse} reads them); a removed sentence takes the
     * blank line after it along, so that no run of blank lines is left where it was.
     */
    private static List<Located> conll(List<String> lines) {
        List<Located> sentences = new ArrayList<>();
        int n = 0;
        while (n < lines.size()) {
            if (bare(lines.get(n)).isBlank()) {
                n++;
                continue;
            }
            int from = n;
            List<String> words = new ArrayList<>();
            while (n < lines.size() && !bare(lines.get(n)).isBlank()) {
                String line = bare(lines.get(n)).replace("\uFEFF", "");
                if (!line.startsWith("-DOCSTART-")) {
                    words.add(line.split("\t", 2)[0]);
                }
                n++;
            }
            int to = n < lines.size() ? n + 1 : n;
            if (!words.isEmpty()) {
                String where = n - from == 1 ? "line " + (from + 1) : "lines " + (from + 1) + "–" + n;
                sentences.add(new Located(new Item(where, String.join(" ", words)), new Lines(from, to)));
            }
        }
        return sentences;
    }

    /** Every line that is not blank: one JSON object each. */
    private static List<Located> jsonl(List<String> lines) {
        List<Located> items = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = bare(lines.get(n)).replace("\uFEFF", "");
            if (!line.isBlank()) {
                items.add(new Located(new Item("line " + (n + 1), line), new Lines(n, n + 1)));
            }
        }
        return items;
    }

    private static List<Item> resumes(byte[] file) {
        if (!AnnotatedResumes.isZip(file)) {
            return List.of(new Item("the file", DatasetFormat.utf8(file)));
        }
        return AnnotatedResumes.entries(file).stream()
                .map(e -> new Item(e.name(), DatasetFormat.utf8(e.content())))
                .toList();
    }

    private static byte[] keep(List<String> lines, List<Located> items, Set<Integer> removed) {
        boolean[] dropped = new boolean[lines.size()];
        for (int i : removed) {
            Lines item = items.get(i).lines();
            for (int n = item.from(); n < item.to(); n++) {
                dropped[n] = true;
            }
        }
        StringBuilder kept = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            if (!dropped[n]) {
                kept.append(lines.get(n));
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's lines as {@link String#lines} counts them (the numbers an import's errors name), each with its line
     * terminator, so that the lines kept are written back as they were.
     */
    private static List<String> lines(byte[] file) {
        String text = DatasetFormat.utf8(file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** A line without its terminator. */
    private static String bare(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
