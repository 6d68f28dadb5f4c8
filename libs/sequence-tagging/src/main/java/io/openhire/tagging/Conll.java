package io.openhire.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CoNLL files: one word per line, then one or more tab-separated BIO tag columns, a blank line between
 * sentences. Several columns (SkillSpan's Skill and Knowledge) are folded into one tag per word: the
 * first column that tags the word wins, and a span keeps its column until it ends, so the spans of one
 * column are never cut by another's.
 */
public final class Conll {

    /** A line that is not CoNLL: the file is refused, and the message names the line. */
    public static final class FormatException extends IllegalArgumentException {
        private final int line;

        FormatException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Conll() {}

    public static List<TaggedSentence> parse(List<String> lines) {
        return parse(lines, UnaryOperator.identity());
    }

    /**
     * @param typeNames renames a span type ("Knowledge" → "Skill" to tag both alike)
     * @throws FormatException for a line without a tag, a tag that is not BIO, or a column count that
     *     changes inside the file
     */
    public static List<TaggedSentence> parse(List<String> lines, UnaryOperator<String> typeNames) {
        List<TaggedSentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        int columnCount = -1;
        int sentenceLine = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (n == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                if (!words.isEmpty()) {
                    sentences.add(fold(words, columns, sentenceLine, typeNames));
                    words = new ArrayList<>();
                    columns = new ArrayList<>();
                }
                continue;
            }
            if (line.startsWith("-DOCSTART-")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                throw new FormatException(n + 1, "expected a word and a tab-separated tag");
            }
            if (columnCount < 0) {
                columnCount = fields.length;
            } else if (fields.length != columnCount) {
                throw new FormatException(
                        n + 1, "expected " + (columnCount - 1) + " tag column(s), found " + (fields.length - 1));
            }
            if (fields[0].isBlank()) {
                throw new FormatException(n + 1, "the word is empty");
            }
            for (int c = 1; c < fields.length; c++) {
                if (!isTag(fields[c])) {
                    throw new FormatException(n + 1, "'" + fields[c] + "' is not a BIO tag (O, B-Type, I-Type)");
                }
            }
            if (words.isEmpty()) {
                sentenceLine = n + 1;
            }
            words.add(fields[0]);
            columns.add(fields);
        }
        if (!words.isEmpty()) {
            sentences.add(fold(words, columns, sentenceLine, typeNames));
        }
        return sentences;
    }

    static boolean isTag(String tag) {
        return tag.equals("O") || ((tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2);
    }

    private static TaggedSentence fold(
            List<String> words, List<String[]> rows, int line, UnaryOperator<String> typeNames) {
        List<String> tags = new ArrayList<>(words.size());
        int owner = -1; // the column whose span is open
        for (String[] row : rows) {
            if (owner > 0 && row[owner].startsWith("I-")) {
                tags.add(rename(row[owner], typeNames));
                continue;
            }
            owner = -1;
            String tag = "O";
            for (int c = 1; c < row.length; c++) {
                if (!row[c].equals("O")) {
                    owner = c;
                    tag = "B-" + row[c].substring(2); // a span that starts here, whatever its tag says
                    break;
                }
            }
            tags.add(rename(tag, typeNames));
        }
        return new TaggedSentence(words, tags, line);
    }

    private static String rename(String tag, UnaryOperator<String> typeNames) {
        return tag.equals("O") ? tag : tag.substring(0, 2) + typeNames.apply(tag.substring(2));
    }

    /**
     * The gold spans of each sentence, from every tag column (a span of the Skill column and one of the
     * Knowledge column over the same words count once): what a tagger is scored against.
     */
    public static List<List<TokenSpan>> columnSpans(List<String> lines) {
        List<List<TokenSpan>> sentences = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (int n = 0; n <= lines.size(); n++) {
            String line = n < lines.size() ? lines.get(n) : "";
            if (n == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.startsWith("-DOCSTART-")) {
                continue;
            }
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
                continue;
            }
            if (rows.isEmpty()) {
                continue;
            }
            Set<TokenSpan> spans = new java.util.LinkedHashSet<>();
            for (int c = 1; c < rows.get(0).length; c++) {
                List<String> tags = new ArrayList<>(rows.size());
                for (String[] row : rows) {
                    tags.add(row.length > c ? row[c] : "O");
                }
                for (TokenSpan span : TokenSpan.fromTags(tags)) {
                    spans.add(new TokenSpan(span.start(), span.end(), "any"));
                }
            }
            sentences.add(List.copyOf(spans));
            rows = new ArrayList<>();
        }
        return sentences;
    }

    /** The span types a set of sentences uses, in order of first appearance. */
    public static List<String> types(List<TaggedSentence> sentences) {
        Set<String> types = new java.util.LinkedHashSet<>();
        for (TaggedSentence s : sentences) {
            for (TokenSpan span : s.spans()) {
                types.add(span.type());
            }
        }
        return List.copyOf(types);
    }
}
