package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.Lines.stripBullet;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import io.openhire.resumetagger.ResumeTagger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Degrees, anchored on degree names ("Bachelor of Science", "B.Tech", "MBA", "HSC"), with the field after
 * the degree and the institution and year on the same or the next lines. Reads the education sections,
 * or, when the resume has none, everything but the experience sections (and then only degree names
 * longer than three letters: "BA" in prose is too often something else).
 */
final class EducationHistory {

    private static final Pattern DEGREE_FIELD = Pattern.compile(
            "^(?:(?:in|of|-|–|,|:)\\s*|(?=[A-Z][a-z]))([A-Za-z&,. ]{2,60}?)(?=\\s*(?:[,(|–-]|\\bfrom\\b|\\bat\\b|$))");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");
    private static final Pattern DEGREE = Pattern.compile(
            "\\b(Ph\\.?\\s?D\\.?|Doctorate|Doctor of [A-Z][a-z]+|M\\.?\\s?B\\.?\\s?A\\b\\.?|Masters?(?:'s)?(?: of| in)? (?:[A-Z][A-Za-z]+(?: (?:of |and )?[A-Z][A-Za-z]+){0,2})|Bachelors?(?:'s)?(?: of| in)? (?:[A-Z][A-Za-z]+(?: (?:of |and )?[A-Z][A-Za-z]+){0,2})|Associate(?:'s)? (?:Degree|of [A-Z][a-z]+(?: [A-Z][a-z]+)?)|B\\.?\\s?Tech\\b\\.?|M\\.?\\s?Tech\\b\\.?|B\\.\\s?E\\b\\.?|BE\\b|M\\.\\s?E\\b\\.?|B\\.?\\s?Sc\\b\\.?|M\\.?\\s?Sc\\b\\.?|B\\.?\\s?Com\\b\\.?|M\\.?\\s?Com\\b\\.?|B\\.?\\s?C\\.?\\s?A\\b\\.?|M\\.?\\s?C\\.?\\s?A\\b\\.?|B\\.?\\s?B\\.?\\s?A\\b\\.?|B\\.\\s?A\\b\\.?|M\\.\\s?A\\b\\.?|B\\.\\s?S\\b\\.?|M\\.\\s?S\\b\\.?|BS\\b|MS\\b|BA\\b|LL\\.?\\s?B\\b\\.?|LL\\.?\\s?M\\b\\.?|MBBS|B\\.?\\s?Pharm|M\\.?\\s?Pharm|PGDM|PGDBA|Post[ -]Graduate Diploma(?: in [A-Z][A-Za-z]+)?|High School Diploma|High School|Diploma(?: in [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)?|HSC|SSC|Higher Secondary|Senior Secondary|Secondary School|A[- ]Levels?|GED|12th|10th)");
    private static final Pattern INSTITUTION = Pattern.compile(
            "(?i)\\b(university|universit[éy]|college|institute|institution|school|academy|polytechnic|iit|nit|iiit|vidyalaya|vidyapeeth|vidyapith|mahavidyalaya|universidad|hochschule|faculty of)\\b");

    /**
     * Up to eight degrees in resume order. An education section with institutions but no degree names
     * gives one entry per institution line.
     *
     * @param currentYear years later than six after it are not graduation years
     */
    static List<CandidateProfile.Education> of(
            List<String> lines, List<Section> sections, int currentYear, TaggedLines tagged) {
        List<CandidateProfile.Education> found = new ArrayList<>();
        Set<Integer> read = new HashSet<>(); // lines the degree names were read from, with the two after
        Set<Integer> degreeLines = new HashSet<>(); // lines a degree name is on
        boolean hasSection = sections.stream().anyMatch(s -> s.kind() == Kind.EDUCATION);
        for (Section s : sections) {
            if (hasSection && s.kind() != Kind.EDUCATION) {
                continue;
            }
            if (!hasSection && s.kind() == Kind.EXPERIENCE) {
                continue;
            }
            for (int i = s.from(); i < s.to(); i++) {
                String line = stripBullet(lines.get(i));
                Matcher d = DEGREE.matcher(line);
                if (!d.find() || (!hasSection && d.group(1).length() <= 3)) {
                    continue;
                }
                String degree = d.group(1).strip();
                String after = line.substring(d.end()).strip();
                String field = null;
                Matcher f = DEGREE_FIELD.matcher(after);
                if (f.find()) {
                    field = f.group(1).strip();
                    if (INSTITUTION.matcher(field).find() || field.isEmpty()) {
                        field = null;
                    }
                }
                String institution = null;
                Integer year = null;
                for (int k = i; k < Math.min(s.to(), i + 3); k++) {
                    if (k > i
                            && DEGREE.matcher(stripBullet(lines.get(k))).find()
                            && !INSTITUTION.matcher(lines.get(k)).find()) {
                        break;
                    }
                    String candidate = stripBullet(lines.get(k));
                    if (institution == null && INSTITUTION.matcher(candidate).find()) {
                        institution = institutionName(candidate, k == i ? d.end() : 0);
                    }
                    Matcher y = YEAR.matcher(candidate);
                    while (y.find()) {
                        int value = Integer.parseInt(y.group(1));
                        if (value <= currentYear + 6 && (year == null || value > year)) {
                            year = value;
                        }
                    }
                }
                if (institution == null
                        && i > s.from()
                        && INSTITUTION.matcher(lines.get(i - 1)).find()) {
                    institution = institutionName(stripBullet(lines.get(i - 1)), 0);
                }
                found.add(new CandidateProfile.Education(degree, field, institution, year));
                degreeLines.add(i);
                for (int k = i; k < Math.min(s.to(), i + 3); k++) {
                    read.add(k);
                }
            }
            if (found.isEmpty() && hasSection) {
                for (int i = s.from(); i < s.to(); i++) {
                    String line = stripBullet(lines.get(i));
                    if (INSTITUTION.matcher(line).find()) {
                        Matcher y = YEAR.matcher(line);
                        found.add(new CandidateProfile.Education(
                                null, null, institutionName(line, 0), y.find() ? Integer.valueOf(y.group(1)) : null));
                    }
                }
            }
        }
        tagged(sections, hasSection, tagged, degreeLines, read, found);
        return List.copyOf(found.subList(0, Math.min(found.size(), 8)));
    }

    /**
     * What the tagger marks that the degree names missed ("B.E.", "Bachelor in Commerce", a college
     * without a degree): a degree with the college and year it marks on that line or the next two, then
     * each college no entry has.
     */
    private static void tagged(
            List<Section> sections,
            boolean hasSection,
            TaggedLines tagged,
            Set<Integer> degreeLines,
            Set<Integer> read,
            List<CandidateProfile.Education> found) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CandidateProfile.Education e : found) {
            seen.add(TaggedLines.key(e.degree()));
            seen.add(TaggedLines.key(e.institution()));
        }
        for (Section s : sections) {
            if ((hasSection && s.kind() != Kind.EDUCATION) || (!hasSection && s.kind() == Kind.EXPERIENCE)) {
                continue;
            }
            for (int i = s.from(); i < s.to(); i++) {
                if (degreeLines.contains(i)) {
                    continue; // the degree name found there is that line's degree
                }
                for (TaggedLines.Span degree : tagged.on(i, ResumeTagger.Field.DEGREE)) {
                    if (seen.contains(TaggedLines.key(degree.text()))) {
                        continue;
                    }
                    String institution = null;
                    Integer year = null;
                    for (int k = i; k < Math.min(s.to(), i + 3); k++) {
                        if (institution == null
                                && !tagged.on(k, ResumeTagger.Field.COLLEGE).isEmpty()) {
                            institution = tagged.on(k, ResumeTagger.Field.COLLEGE)
                                    .getFirst()
                                    .text()
                                    .strip();
                        }
                        if (year == null
                                && !tagged.on(k, ResumeTagger.Field.YEAR).isEmpty()) {
                            Matcher y = YEAR.matcher(tagged.on(k, ResumeTagger.Field.YEAR)
                                    .getFirst()
                                    .text());
                            year = y.find() ? Integer.valueOf(y.group(1)) : null;
                        }
                    }
                    seen.add(TaggedLines.key(degree.text()));
                    seen.add(TaggedLines.key(institution));
                    found.add(new CandidateProfile.Education(degree.text().strip(), null, institution, year));
                }
            }
            for (int i = s.from(); i < s.to(); i++) {
                if (read.contains(i)) {
                    continue; // a degree's lines: the college there is that degree's
                }
                for (TaggedLines.Span college : tagged.on(i, ResumeTagger.Field.COLLEGE)) {
                    // Alone, a college must say it is one ("… University") or the tagger must be sure.
                    boolean named =
                            INSTITUTION.matcher(college.text()).find() || college.score() >= LONE_COLLEGE_CONFIDENCE;
                    if (named && seen.add(TaggedLines.key(college.text()))) {
                        List<TaggedLines.Span> years = tagged.on(i, ResumeTagger.Field.YEAR);
                        Matcher y = YEAR.matcher(
                                years.isEmpty() ? "" : years.getFirst().text());
                        found.add(new CandidateProfile.Education(
                                null, null, college.text().strip(), y.find() ? Integer.valueOf(y.group(1)) : null));
                    }
                }
            }
        }
    }

    static final double LONE_COLLEGE_CONFIDENCE = 0.9;

    /** The part of the line (from {@code from}) that names the institution, without years. */
    static String institutionName(String line, int from) {
        String tail = line.substring(Math.min(from, line.length()));
        for (String part : tail.split("\\s*[,|(–]\\s*|\\s+-\\s+|\\s+from\\s+|\\s+at\\s+")) {
            if (INSTITUTION.matcher(part).find()) {
                return part.replaceAll("\\b(?:19|20)\\d{2}\\b", "")
                        .replaceAll("\\s+", " ")
                        .strip();
            }
        }
        return tail.strip();
    }

    private EducationHistory() {}
}
