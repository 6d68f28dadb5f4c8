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

    static final Map<String, Kind> HEADINGS = headings();

    private static Map<String, Kind> headings() {
        Map<String, Kind> h = new java.util.HashMap<>();
        put(
                h,
                Kind.EXPERIENCE,
                "experience",
                "work experience",
                "professional experience",
                "employment",
                "employment history",
                "work history",
                "career history",
                "professional background",
                "relevant experience",
                "experience summary",
                "professional experience summary",
                "internships",
                "internship",
                "work experience and internships",
                "career experience",
                "experience details",
                "work and experience",
                "employment experience",
                "professional history",
                "career",
                "job history",
                "career experience",
                "career experience job history",
                "experience and employment");
        put(
                h,
                Kind.EDUCATION,
                "education",
                "education and training",
                "educational qualifications",
                "educational qualification",
                "academic qualifications",
                "academic qualification",
                "academics",
                "academic background",
                "qualifications",
                "academic profile",
                "educational background",
                "education details",
                "education and qualifications",
                "academic details",
                "scholastic profile");
        put(
                h,
                Kind.SKILLS,
                "skills",
                "technical skills",
                "key skills",
                "core skills",
                "skill set",
                "skillset",
                "skills summary",
                "it skills",
                "technical proficiency",
                "core competencies",
                "competencies",
                "areas of expertise",
                "expertise",
                "technologies",
                "technical expertise",
                "professional skills",
                "additional skills",
                "computer skills",
                "software skills",
                "key competencies",
                "tech stack",
                "highlights",
                "skill highlights",
                "technical summary",
                "technical skill set",
                "skills and abilities",
                "qualifications summary",
                "summary of skills",
                "tools and technologies",
                "core qualifications",
                "relevant skills",
                "skills and expertise");
        put(
                h,
                Kind.SUMMARY,
                "summary",
                "professional summary",
                "profile",
                "career objective",
                "objective",
                "about me",
                "career summary",
                "executive summary",
                "professional profile",
                "personal statement",
                "executive profile",
                "overview",
                "profile summary",
                "career profile",
                "summary of qualifications");
        put(
                h,
                Kind.CERTIFICATIONS,
                "certifications",
                "certification",
                "certificates",
                "licenses",
                "licenses and certifications",
                "certifications and licenses",
                "courses",
                "trainings",
                "training",
                "professional development",
                "certifications and trainings",
                "courses and certifications");
        put(h, Kind.LANGUAGES, "languages", "language skills", "languages known", "language proficiency", "language");
        put(
                h,
                Kind.PROJECTS,
                "projects",
                "academic projects",
                "personal projects",
                "key projects",
                "project details",
                "project experience");
        put(
                h,
                Kind.OTHER,
                "awards",
                "achievements",
                "accomplishments",
                "interests",
                "hobbies",
                "references",
                "personal details",
                "personal information",
                "additional information",
                "links",
                "publications",
                "volunteer",
                "volunteer experience",
                "volunteering",
                "activities",
                "extra curricular activities",
                "extracurricular activities",
                "declaration",
                "affiliations",
                "military service",
                "contact",
                "contact information",
                "personal profile",
                "strengths",
                "awards and achievements",
                "honors and awards",
                "honors",
                "memberships",
                "professional affiliations",
                "additional",
                "hobbies and interests",
                "personal",
                "other information");
        return Map.copyOf(h);
    }

    private static void put(Map<String, Kind> map, Kind kind, String... names) {
        for (String name : names) {
            map.put(name, kind);
        }
    }

    private static final Pattern INLINE = Pattern.compile("^([A-Za-z][A-Za-z &/-]{2,40}?)\\s*[:\\-–]\\s*(.+)$");

    static String normalise(String line) {
        String s = ResumeParser.stripBullet(line).toLowerCase(Locale.ROOT).replace("&", " and ");
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
                Matcher m = INLINE.matcher(ResumeParser.stripBullet(line));
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
