package io.openhire.resumeprocessing.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a resume's lines into sections by their headings ("WORK EXPERIENCE", "Skills:", ...). */
final class Sections {

    enum Kind {
        HEADER,
        SUMMARY,
        EXPERIENCE,
        EDUCATION,
        SKILLS,
        CERTIFICATIONS,
        LANGUAGES,
        PROJECTS,
        OTHER
    }

    /** Lines {@code [from, to)} of one section; {@code inline} is text after "Skills:" on the heading line. */
    record Section(Kind kind, int heading, int from, int to, String inline) {}

    /** Normalised headings ("work experience") and the kind of section each opens: a word list resource. */
    static final Map<String, Kind> HEADINGS = WordLists.SECTION_HEADINGS;

    private static final Pattern INLINE = Pattern.compile("^([A-Za-z][A-Za-z &/-]{2,40}?)\\s*[:\\-–]\\s*(.+)$");

    static String normalise(String line) {
        String s = Lines.stripBullet(line).toLowerCase(Locale.ROOT).replace("&", " and ");
        s = s.replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
        return s;
    }

    /** The section kind a line opens, or null. */
    static Kind headingOf(String line) {
        if (line.length() > 60) {
            return null;
        }
        return HEADINGS.get(normalise(line));
    }

    static List<Section> split(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        Kind current = Kind.HEADER;
        int heading = -1;
        int from = 0;
        String inline = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Kind kind = headingOf(line);
            String inlineText = null;
            if (kind == null) {
                Matcher m = INLINE.matcher(Lines.stripBullet(line));
                if (m.matches()) {
                    Kind inlineKind = HEADINGS.get(normalise(m.group(1)));
                    if (inlineKind == Kind.SKILLS
                            || inlineKind == Kind.LANGUAGES
                            || inlineKind == Kind.CERTIFICATIONS) {
                        kind = inlineKind;
                        inlineText = m.group(2).strip();
                    }
                }
            }
            if (kind != null && inlineText != null) {
                // "Skills: Java, SQL" is a section of one line; what follows still belongs to the section before.
                sections.add(new Section(current, heading, from, i, inline));
                sections.add(new Section(kind, i, i + 1, i + 1, inlineText));
                from = i + 1;
            } else if (kind != null) {
                sections.add(new Section(current, heading, from, i, inline));
                current = kind;
                heading = i;
                from = i + 1;
                inline = null;
            }
        }
        sections.add(new Section(current, heading, from, lines.size(), inline));
        return sections;
    }

    private Sections() {}
}
