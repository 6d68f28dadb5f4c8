package io.openhire.jobprocessing.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gender-coded and exclusionary wording in job ads, from published sources:
 *
 * <ul>
 *   <li>Gendered words: the masculine- and feminine-coded word stems of Gaucher, D., Friesen, J. and Kay,
 *       A. C. (2011), "Evidence That Gendered Wording in Job Advertisements Exists and Sustains Gender
 *       Inequality", Journal of Personality and Social Psychology 101(1), 109–128 (appendix), as used by
 *       Kat Matfield's Gender Decoder. Ads with more masculine-coded words were found less appealing to
 *       women, without changing how qualified they felt.
 *   <li>Age: the U.S. EEOC's guidance on prohibited practices ("recent college graduates", "young" in job
 *       ads may discourage older applicants; Age Discrimination in Employment Act) and the UK Equality Act
 *       2010 (age is a protected characteristic).
 *   <li>Gendered job titles and pronouns, and disability and origin wording ("native speaker",
 *       "able-bodied"): the same EEOC guidance and the UK Equality and Human Rights Commission's advice
 *       on advertising jobs.
 * </ul>
 */
public final class InclusiveLanguage {

    public static final String GENDER_SOURCE =
            "Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology 101(1):109–128";
    public static final String EEOC_SOURCE =
            "U.S. EEOC, Prohibited Employment Policies/Practices: Job Advertisements (eeoc.gov)";
    public static final String EHRC_SOURCE =
            "UK Equality Act 2010; Equality and Human Rights Commission, advertising a job";

    /** Masculine-coded stems (Gaucher et al. 2011). */
    static final List<String> MASCULINE = List.of(
            "active",
            "adventurous",
            "aggress",
            "ambitio",
            "analy",
            "assert",
            "athlet",
            "autonom",
            "battle",
            "boast",
            "challeng",
            "champion",
            "compet",
            "confident",
            "courag",
            "decide",
            "decision",
            "decisive",
            "defend",
            "determin",
            "domina",
            "driven",
            "fearless",
            "fight",
            "force",
            "greedy",
            "head-strong",
            "headstrong",
            "hierarch",
            "hostil",
            "impulsive",
            "independen",
            "individual",
            "intellect",
            "lead",
            "logic",
            "masculine",
            "objective",
            "opinion",
            "outspoken",
            "persist",
            "principle",
            "reckless",
            "self-confiden",
            "self-relian",
            "self-sufficien",
            "selfconfiden",
            "selfrelian",
            "selfsufficien",
            "stubborn",
            "superior",
            "unreasonab");

    /** Feminine-coded stems (Gaucher et al. 2011). */
    static final List<String> FEMININE = List.of(
            "affectionate",
            "agree",
            "cheer",
            "collab",
            "commit",
            "communal",
            "compassion",
            "connect",
            "considerate",
            "cooperat",
            "co-operat",
            "depend",
            "emotiona",
            "empath",
            "feel",
            "feminine",
            "flatterable",
            "gentle",
            "honest",
            "interpersonal",
            "interdependen",
            "interpersona",
            "inter-personal",
            "inter-dependen",
            "inter-persona",
            "kind",
            "kinship",
            "loyal",
            "modesty",
            "nag",
            "nurtur",
            "pleasant",
            "polite",
            "quiet",
            "respon",
            "sensitiv",
            "submissive",
            "support",
            "sympath",
            "tender",
            "together",
            "trust",
            "understand",
            "warm",
            "whin",
            "enthusias",
            "inclusive",
            "yield",
            "share",
            "sharin");

    /** Masculine-coded stems → neutral alternatives a recruiter can use instead. */
    static final Map<String, List<String>> ALTERNATIVES = Map.ofEntries(
            Map.entry("aggress", List.of("proactive", "bold")),
            Map.entry("ambitio", List.of("motivated", "eager to grow")),
            Map.entry("assert", List.of("clear", "confident in sharing ideas")),
            Map.entry("compet", List.of("motivated", "high-performing")),
            Map.entry("domina", List.of("leading", "well established")),
            Map.entry("driven", List.of("motivated", "committed")),
            Map.entry("fearless", List.of("willing to try new things")),
            Map.entry("force", List.of("influence", "drive change")),
            Map.entry("headstrong", List.of("persistent")),
            Map.entry("decisive", List.of("able to make sound decisions")),
            Map.entry("superior", List.of("excellent")),
            Map.entry("battle", List.of("work through")),
            Map.entry("fight", List.of("work through", "advocate for")),
            Map.entry("champion", List.of("advocate", "promote")),
            Map.entry("independen", List.of("self-directed", "able to work on your own and with others")),
            Map.entry("challeng", List.of("interesting problems", "opportunities")),
            Map.entry("lead", List.of("guide", "coordinate")));

    /** A wording that excludes or discourages applicants, with a better one. */
    public record Exclusion(Pattern pattern, String reason, String suggestion, String source) {}

    static final List<Exclusion> EXCLUSIONS = List.of(
            exclusion(
                    "\\byoung(?:er)?\\b|\\byouthful\\b",
                    "Refers to age",
                    "remove, or describe the work instead",
                    EEOC_SOURCE),
            exclusion("\\bdigital natives?\\b", "Implies an age group", "comfortable with digital tools", EEOC_SOURCE),
            exclusion(
                    "\\brecent (?:college |university )?grad(?:uate)?s?\\b",
                    "Discourages older applicants",
                    "early-career candidates, or state the experience needed",
                    EEOC_SOURCE),
            exclusion(
                    "\\b(?:max(?:imum)?|no more than|up to) \\d{1,2} years? (?:of )?experience\\b",
                    "An upper limit on experience excludes by age",
                    "state the minimum experience only",
                    EEOC_SOURCE),
            exclusion(
                    "\\bnative (?:english|german|french|spanish)? ?speakers?\\b",
                    "Refers to national origin",
                    "fluent in the language",
                    EEOC_SOURCE),
            exclusion(
                    "\\bable[- ]bodied\\b",
                    "Excludes people with disabilities",
                    "describe the physical tasks and say adjustments are possible",
                    EHRC_SOURCE),
            exclusion(
                    "\\b(?:salesman|salesmen|chairman|foreman|manpower|workmanship|craftsman|cameraman)\\b",
                    "A gendered word",
                    "salesperson, chair, supervisor, workforce, quality of work",
                    EHRC_SOURCE),
            exclusion(
                    "\\b(?:he|his|him)\\b(?= will| should| must| has| is|\\b)",
                    "Assumes the candidate is a man",
                    "you / they",
                    EHRC_SOURCE),
            exclusion(
                    "\\b(?:rock ?stars?|ninjas?|gurus?|jedi|wizards?)\\b",
                    "Jargon that reads as exclusive and masculine-coded",
                    "expert, specialist, experienced",
                    GENDER_SOURCE),
            exclusion("\\b(?:girls?|guys)\\b", "Gendered or informal address", "people, team members", EHRC_SOURCE),
            exclusion("\\bclean[- ]shaven\\b", "May exclude for religious reasons", "remove", EHRC_SOURCE));

    private static Exclusion exclusion(String regex, String reason, String suggestion, String source) {
        return new Exclusion(Pattern.compile("(?i)" + regex), reason, suggestion, source);
    }

    public record CodedWord(String word, int count, List<String> alternatives) {}

    public record Finding(String phrase, String reason, String suggestion, String source) {}

    public record Result(
            List<CodedWord> masculine,
            List<CodedWord> feminine,
            String balance,
            List<Finding> exclusionary,
            String source) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}-]*");

    private InclusiveLanguage() {}

    public static Result check(String text) {
        Map<String, Integer> masculine = new LinkedHashMap<>();
        Map<String, Integer> feminine = new LinkedHashMap<>();
        Map<String, String> stemOf = new LinkedHashMap<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String w = words.group().toLowerCase(Locale.ROOT);
            String m = stem(w, MASCULINE);
            if (m != null) {
                masculine.merge(w, 1, Integer::sum);
                stemOf.put(w, m);
            }
            String f = stem(w, FEMININE);
            if (f != null) {
                feminine.merge(w, 1, Integer::sum);
            }
        }
        List<CodedWord> male = new ArrayList<>();
        masculine.forEach((w, n) -> male.add(new CodedWord(w, n, ALTERNATIVES.getOrDefault(stemOf.get(w), List.of()))));
        List<CodedWord> female = new ArrayList<>();
        feminine.forEach((w, n) -> female.add(new CodedWord(w, n, List.of())));
        int m = masculine.values().stream().mapToInt(Integer::intValue).sum();
        int f = feminine.values().stream().mapToInt(Integer::intValue).sum();
        String balance = m - f >= 3
                ? "STRONGLY_MASCULINE"
                : m > f ? "MASCULINE" : f - m >= 3 ? "STRONGLY_FEMININE" : f > m ? "FEMININE" : "NEUTRAL";

        List<Finding> findings = new ArrayList<>();
        for (Exclusion e : EXCLUSIONS) {
            Matcher x = e.pattern().matcher(text);
            while (x.find()) {
                findings.add(new Finding(x.group(), e.reason(), e.suggestion(), e.source()));
            }
        }
        return new Result(male, female, balance, findings, GENDER_SOURCE);
    }

    /** Gaucher et al. match a stem at the start of a word ("compet" → competitive, competition). */
    private static String stem(String word, List<String> stems) {
        for (String s : stems) {
            if (word.startsWith(s)) {
                // A few stems are also the start of unrelated everyday words.
                if ((s.equals("lead")
                                && word.startsWith("leadership") == false
                                && !word.matches("lead|leader|leaders|leading|leads"))
                        || (s.equals("kind") && !word.equals("kind"))
                        || (s.equals("nag") && !word.matches("nag|nagging"))
                        || (s.equals("active") && !word.equals("active"))
                        || (s.equals("feel") && !word.matches("feel|feels|feeling"))
                        || (s.equals("agree") && !word.matches("agree|agreeable|agreeableness"))
                        || (s.equals("respon") && word.startsWith("responsib"))
                        || (s.equals("force") && !word.matches("force|forceful|forcefully"))
                        || (s.equals("depend") && !word.matches("dependable|dependability|dependent"))
                        || (s.equals("share") && !word.matches("share|shares|shared"))) {
                    continue;
                }
                return s;
            }
        }
        return null;
    }
}
