package io.openhire.training.datasets;

import io.openhire.platform.errors.DomainException;
import io.openhire.tagging.Conll;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.Words;
import io.openhire.training.TrainingTask;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file formats a dataset is imported from. Each is read into sentences of words with one BIO tag per
 * word, the form every tagger trains on; a file that is not of its format is refused with the line that
 * is wrong (400 {@code invalid-dataset}), so nothing half-read is ever stored.
 */
public enum DatasetFormat {

    /**
     * One word per line, then one or more tab-separated BIO tag columns (SkillSpan: Skill and Knowledge), a
     * blank line between sentences.
     */
    CONLL,

    /**
     * One JSON object per line: {@code {"text": "...", "spans": [{"start": 0, "end": 4, "label": "Skill"}]}},
     * offsets in UTF-16 characters, end exclusive. The text is cut into words as the taggers cut it, and a
     * span covers every word it touches.
     */
    JSONL,

    /**
     * Resumes with inline labels ({@code <label type="Designation">…</label>}, the dotin-inc format the shipped
     * resume tagger learned from): one resume as an {@code .xml} file, or many as a ZIP of them.
     */
    ANNOTATED_XML;

    /** A ZIP holds at most this many resumes, each at most {@link #MAX_ENTRY} bytes unpacked. */
    static final int MAX_ENTRIES = 5_000;

    static final int MAX_ENTRY = 2 * 1024 * 1024;
    static final long MAX_UNPACKED = 64L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LABEL = 40;

    public static DatasetFormat of(String name) {
        if (name == null) {
            throw DomainException.invalidField("format", "must be one of " + Arrays.toString(values()));
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("format", "must be one of " + Arrays.toString(values()));
        }
    }

    /** Whether a dataset of this format can teach the task. */
    public boolean teaches(TrainingTask task) {
        return switch (task) {
            case SKILL_EXTRACTION -> this == CONLL || this == JSONL;
            case RESUME_FIELDS -> this == ANNOTATED_XML;
        };
    }

    /**
     * The labelled units of a file of this format (sentences, or whole resumes); at least one labelled span,
     * else the file is refused.
     */
    public List<Labelled> read(byte[] file) {
        List<Labelled> items = parse(file);
        if (items.stream().allMatch(s -> s.sentence().spans().isEmpty())) {
            throw invalid(0, "it has no labelled span to learn from");
        }
        return items;
    }

    /**
     * The labelled units of a file of this format, whether or not any is labelled: what is left of a dataset after
     * an erasure took the person's items out may have no span left, and is still what it is.
     */
    List<Labelled> parse(byte[] file) {
        return switch (this) {
            case CONLL -> sentences(conll(utf8(file).lines().toList()));
            case JSONL -> sentences(jsonl(utf8(file).lines().toList()));
            case ANNOTATED_XML -> AnnotatedResumes.read(file);
        };
    }

    private static List<Labelled> sentences(List<TaggedSentence> sentences) {
        return sentences.stream().map(s -> new Labelled(s, null)).toList();
    }

    private static List<TaggedSentence> conll(List<String> lines) {
        try {
            List<TaggedSentence> sentences = Conll.parse(lines);
            for (TaggedSentence s : sentences) {
                for (String tag : s.tags()) {
                    if (tag.length() - 2 > MAX_LABEL) {
                        throw invalid(s.line(), "a label is longer than " + MAX_LABEL + " characters");
                    }
                }
            }
            return sentences;
        } catch (Conll.FormatException e) {
            throw invalid(e.line(), e.getMessage());
        }
    }

    private static List<TaggedSentence> jsonl(List<String> lines) {
        List<TaggedSentence> sentences = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = n + 1;
            JsonNode object;
            try {
                object = JSON.readTree(line);
            } catch (JacksonException e) {
                throw invalid(lineNumber, "not a JSON object");
            }
            if (!object.isObject() || !object.path("text").isString()) {
                throw invalid(lineNumber, "expected {\"text\": \"...\", \"spans\": [...]}");
            }
            String text = object.path("text").asString();
            List<Words.Word> words = Words.of(text);
            if (words.isEmpty()) {
                continue;
            }
            String[] tags = new String[words.size()];
            Arrays.fill(tags, "O");
            JsonNode spans = object.path("spans");
            if (!spans.isMissingNode() && !spans.isArray()) {
                throw invalid(lineNumber, "'spans' must be an array");
            }
            for (JsonNode span : spans) {
                if (!span.path("start").isIntegralNumber()
                        || !span.path("end").isIntegralNumber()
                        || !span.path("label").isString()) {
                    throw invalid(lineNumber, "a span needs an integer start and end and a label");
                }
                int start = span.path("start").asInt();
                int end = span.path("end").asInt();
                String label = span.path("label").asString().strip();
                if (start < 0 || end <= start || end > text.length()) {
                    throw invalid(
                            lineNumber,
                            "span " + start + ".." + end + " is not inside the text (" + text.length()
                                    + " characters)");
                }
                if (label.isEmpty() || label.length() > MAX_LABEL || !label.matches("[\\p{L}\\p{N}_.-]+")) {
                    throw invalid(lineNumber, "a label is 1–" + MAX_LABEL + " letters, digits, '_', '.' or '-'");
                }
                boolean first = true;
                for (int w = 0; w < words.size(); w++) {
                    Words.Word word = words.get(w);
                    if (word.end() <= start || word.start() >= end) {
                        continue;
                    }
                    if (!tags[w].equals("O")) {
                        throw invalid(lineNumber, "spans overlap at '" + word.text() + "'");
                    }
                    tags[w] = (first ? "B-" : "I-") + label;
                    first = false;
                }
            }
            sentences.add(new TaggedSentence(Words.texts(words), List.of(tags), lineNumber));
        }
        if (sentences.isEmpty()) {
            throw invalid(0, "it holds no text");
        }
        return sentences;
    }

    static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(0, "it is not UTF-8 text");
        }
    }

    /** {@code line} 0: the file as a whole. */
    static DomainException invalid(int line, String message) {
        String detail = line > 0 && !message.startsWith("line ")
                ? "line " + line + ": " + message
                : line > 0 ? message : "The file is refused: " + message + ".";
        DomainException e = DomainException.invalid("invalid-dataset", detail);
        return line > 0 ? e.with("line", line) : e;
    }
}
