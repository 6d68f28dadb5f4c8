package io.openhire.resumeprocessing.client;

import java.util.List;
import java.util.Map;

/**
 * A resume as structured data, as resume-processing's parser writes it. Every list is empty rather than
 * null; {@code confidence} gives, per field ({@code name}, {@code emails}, {@code work}, ...), how sure the
 * parser is (0–1), so that a user interface can ask for a check where it is unsure.
 *
 * @param totalYearsExperience from the dated work history, overlaps counted once; null when undated
 * @param resumeLikelihood 0–1: does this read like a resume at all (contacts, dated history, sections)
 * @param mentioned titles, employers, places and schools the resume names outside what {@code work},
 *     {@code education}, {@code headline} and {@code location} hold (never null)
 */
public record CandidateProfile(
        String name,
        List<String> emails,
        List<String> phones,
        Location location,
        Links links,
        String headline,
        String summary,
        List<Work> work,
        List<Education> education,
        List<SkillMention> skills,
        List<String> languages,
        List<String> certifications,
        Double totalYearsExperience,
        Map<String, Double> confidence,
        double resumeLikelihood,
        String parserVersion,
        String taxonomyVersion,
        Mentions mentioned) {

    /** A profile stored by a parser before 2.2.0 has no {@code mentioned}: it reads as {@link Mentions#NONE}. */
    public CandidateProfile {
        mentioned = mentioned == null ? Mentions.NONE : mentioned;
    }

    /**
     * What the resume tagger read that the structured part does not place: a title in the summary ("seeking a
     * role as Data Analyst"), an employer of a project or an undated line, the places a history names without a
     * job to hang them on. Each value once, as written; for search and for a person to check, not a claim the
     * parser could date.
     */
    public record Mentions(
            List<String> titles, List<String> employers, List<String> places, List<String> institutions) {

        public static final Mentions NONE = new Mentions(List.of(), List.of(), List.of(), List.of());

        public Mentions {
            titles = titles == null ? List.of() : List.copyOf(titles);
            employers = employers == null ? List.of() : List.copyOf(employers);
            places = places == null ? List.of() : List.copyOf(places);
            institutions = institutions == null ? List.of() : List.copyOf(institutions);
        }

        /** Whether it names anything (not {@code isEmpty}: JSON would carry that as a property). */
        public boolean any() {
            return !(titles.isEmpty() && employers.isEmpty() && places.isEmpty() && institutions.isEmpty());
        }
    }

    /** Where the candidate is; {@code country} is ISO 3166 alpha-2 when known. */
    public record Location(String city, String region, String country, String text) {}

    public record Links(String linkedin, String github, List<String> other) {}

    /**
     * One job. Dates are {@code YYYY-MM}; {@code end} is null and {@code current} true for a job held now.
     *
     * @param months length in months, the end month included
     */
    public record Work(
            String title,
            String employer,
            String location,
            String start,
            String end,
            boolean current,
            Integer months) {}

    public record Education(String degree, String field, String institution, Integer year) {}

    /**
     * A skill found in the resume: a skills-taxonomy skill, or a phrase the resume tagger marks as a skill
     * that the taxonomy does not name ("Hyperion Essbase", "client support").
     *
     * @param id the taxonomy id, or null for a phrase
     * @param kind {@code TECHNOLOGY} (a tool, language or product), {@code COMPETENCE}, or {@code PHRASE}
     * @param mentions how often it is mentioned
     * @param listed whether it appears in a skills section (a claim), not only in prose (evidence)
     */
    public record SkillMention(String id, String name, String kind, int mentions, boolean listed) {}
}
