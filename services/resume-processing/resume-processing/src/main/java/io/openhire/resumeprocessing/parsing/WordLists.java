package io.openhire.resumeprocessing.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parser's vocabularies, from text files under {@code openhire/resume-processing/} on the class path
 * (one entry a line; blank lines and {@code #} comments ignored). Read once, when the parser is first
 * used, and shared by every parse; a missing or malformed file fails the start, not a resume.
 */
final class WordLists {

    private static final String FOLDER = "openhire/resume-processing/";

    /** Lower-case words that make a line a job title ("engineer", "manager", "cto"). */
    static final Set<String> TITLE_WORDS = Set.copyOf(entries("title-words.txt"));
    /** Human languages as written in a profile ("English", "Tamil"). */
    static final Set<String> LANGUAGES = Set.copyOf(entries("languages.txt"));
    /** Lower-case particles inside a person's name ("van", "de", "bin"). */
    static final Set<String> NAME_PARTICLES = Set.copyOf(entries("name-particles.txt"));
    /** Lower-case words that never appear in a person's name ("resume", "street", "solutions"). */
    static final Set<String> NOT_NAMES = Set.copyOf(entries("not-names.txt"));
    /** Normalised section headings and the kind of section each opens. */
    static final Map<String, Sections.Kind> SECTION_HEADINGS = headings("section-headings.txt");

    /** Whether any word of {@code text} is a title word ("Senior Backend Engineer" yes, "Acme GmbH" no). */
    static boolean hasTitleWord(String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (TITLE_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The entries of one file, in file order. */
    static List<String> entries(String file) {
        List<String> entries = new ArrayList<>();
        for (String raw : read(file).split("\\R")) {
            String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(line);
            }
        }
        return entries;
    }

    /** {@code [KIND]} lines open a group; the headings below belong to it. A heading names one kind only. */
    static Map<String, Sections.Kind> headings(String file) {
        Map<String, Sections.Kind> headings = new HashMap<>();
        Sections.Kind kind = null;
        for (String entry : entries(file)) {
            if (entry.startsWith("[") && entry.endsWith("]")) {
                kind = Sections.Kind.valueOf(entry.substring(1, entry.length() - 1));
                continue;
            }
            if (kind == null) {
                throw new IllegalStateException(FOLDER + file + ": '" + entry + "' comes before any [KIND] line");
            }
            Sections.Kind before = headings.putIfAbsent(entry, kind);
            if (before != null && before != kind) {
                throw new IllegalStateException(
                        FOLDER + file + ": '" + entry + "' is listed under both " + before + " and " + kind);
            }
        }
        return Map.copyOf(headings);
    }

    private static String read(String file) {
        try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WordLists() {}
}
