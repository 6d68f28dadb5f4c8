package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.Lines.stripBullet;

import io.openhire.places.Places;
import io.openhire.resumeprocessing.client.CandidateProfile;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who the resume is about and where they are: name, headline and location, mostly from the header. */
final class NameAndLocation {

    /** The name, and the line it was on (the first line is the surest place for it). */
    record Name(String value, int line) {}

    /** Where the candidate is, and where in the resume that was read. */
    record Place(CandidateProfile.Location location, Source source) {
        enum Source {
            /** "Location: Pune, Maharashtra" */
            LABELLED,
            /** a place in the first lines */
            HEADER,
            /** the place of a job, when the resume says nothing else */
            WORK_HISTORY
        }
    }

    private static final Pattern NAME_LABEL = Pattern.compile("(?i)^name\\s*[:\\-]\\s*(.+)$");
    private static final Pattern LABELLED_LOCATION = Pattern.compile(
            "(?i)^(?:location|address|current location|city|based in|residence|lives in)\\s*[:\\-–]?\\s+(.{3,80})$");

    /** The first piece of the first {@code within} lines that reads like a person's name. */
    static Name name(List<String> lines, int within) {
        for (int i = 0; i < Math.min(within, lines.size()); i++) {
            String line = lines.get(i).replaceAll("^[\"'“”]+|[\"'“”]+$", "");
            Matcher labelled = NAME_LABEL.matcher(line);
            if (labelled.matches()) {
                line = labelled.group(1);
            }
            for (String piece : line.split("\\s+[|–—-]\\s+|,\\s+|\\s{3,}")) {
                String candidate = looksLikeName(piece.strip());
                if (candidate != null) {
                    return new Name(candidate, i);
                }
            }
        }
        return null;
    }

    /**
     * The name {@code piece} reads as (an all-caps name in title case), or null: two to four capitalised
     * words, particles allowed, no digits, addresses, titles or headings.
     */
    static String looksLikeName(String piece) {
        if (piece.isEmpty()
                || piece.length() > 50
                || piece.contains("@")
                || piece.matches(".*\\d.*")
                || Sections.headingOf(piece) != null) {
            return null;
        }
        piece = piece.replaceAll("^[\"'“”]+|[\"'“”.,]+$", "");
        String[] words = piece.split("\\s+");
        if (words.length < 2 || words.length > 4) {
            return null;
        }
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (WordLists.NOT_NAMES.contains(lower) || WordLists.TITLE_WORDS.contains(lower.replaceAll("[^a-z]", ""))) {
                return null;
            }
            if (WordLists.NAME_PARTICLES.contains(lower)) {
                continue;
            }
            if (!w.matches("[A-Z][A-Za-z'’.\\-]*") && !w.matches("[A-Z]\\.?")) {
                return null;
            }
        }
        boolean allCaps = piece.equals(piece.toUpperCase(Locale.ROOT));
        return allCaps ? titleCase(piece) : piece;
    }

    static String titleCase(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'' || c == '’';
        }
        return out.toString();
    }

    /** The first short line with a title word after the name, within the first {@code within} lines. */
    static String headline(List<String> lines, Name name, int within) {
        int from = name == null ? 0 : name.line() + 1;
        for (int i = from; i < Math.min(within, lines.size()); i++) {
            String line = stripBullet(lines.get(i));
            if (line.split("\\s+").length <= 8
                    && WordLists.hasTitleWord(line)
                    && !line.contains("@")
                    && Sections.headingOf(line) == null) {
                return line.replaceAll("\\s*[|,–-]\\s*$", "");
            }
        }
        return null;
    }

    /** A labelled location anywhere, else a place in the header (at least the first six lines), else null. */
    static Place location(List<String> lines, int headerEnd) {
        for (String line : lines) {
            Matcher labelled = LABELLED_LOCATION.matcher(stripBullet(line));
            if (labelled.matches()) {
                CandidateProfile.Location place = place(labelled.group(1));
                if (place != null) {
                    return new Place(place, Place.Source.LABELLED);
                }
            }
        }
        for (int i = 0; i < Math.min(Math.max(headerEnd, 6), lines.size()); i++) {
            CandidateProfile.Location place = place(lines.get(i));
            if (place != null) {
                return new Place(place, Place.Source.HEADER);
            }
        }
        return null;
    }

    /** The place of the first job (latest first) whose location is a known place, or null. */
    static Place fromWorkHistory(List<CandidateProfile.Work> work) {
        return work.stream()
                .map(CandidateProfile.Work::location)
                .filter(l -> l != null)
                .map(NameAndLocation::place)
                .filter(l -> l != null)
                .findFirst()
                .map(l -> new Place(l, Place.Source.WORK_HISTORY))
                .orElse(null);
    }

    /** "Pune, Maharashtra", "Austin, TX", "Berlin, Germany" inside a line → a location, if the region is known. */
    static CandidateProfile.Location place(String text) {
        return Places.find(text)
                .map(p -> new CandidateProfile.Location(p.city(), p.region(), p.country(), p.text()))
                .orElse(null);
    }

    private NameAndLocation() {}
}
