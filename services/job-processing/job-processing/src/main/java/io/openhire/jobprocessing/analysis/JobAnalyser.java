package io.openhire.jobprocessing.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a job asks for: required and nice-to-have skills, the years of experience, the seniority (from
 * the title, else from the years), and the ad's keywords.
 */
public final class JobAnalyser {

    public record Analysis(
            List<SkillExtractor.ExtractedSkill> requiredSkills,
            List<SkillExtractor.ExtractedSkill> niceToHaveSkills,
            List<String> keywords,
            Integer minYearsExperience,
            String seniority) {}

    private static final Pattern YEARS = Pattern.compile(
            "(?i)(?:(?<min>\\d{1,2})\\s*\\+?\\s*(?:(?:-|–|to)\\s*(?<max>\\d{1,2})\\s*)?|(?<word>one|two|three|four|five|six|seven|eight|nine|ten)\\s*\\+?\\s*(?:\\(\\d+\\)\\s*)?)"
                    + "(?:\\+\\s*)?(?:years?|yrs?)['’]?\\b(?<after>.{0,50})");
    private static final Map<String, Integer> NUMBER_WORDS = Map.of(
            "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten",
            10);
    static final Set<String> STOPWORDS = Set.of(
            "a",
            "about",
            "above",
            "after",
            "all",
            "also",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "been",
            "being",
            "both",
            "but",
            "by",
            "can",
            "could",
            "do",
            "does",
            "each",
            "etc",
            "for",
            "from",
            "has",
            "have",
            "having",
            "how",
            "if",
            "in",
            "including",
            "into",
            "is",
            "it",
            "its",
            "job",
            "may",
            "more",
            "most",
            "must",
            "new",
            "no",
            "not",
            "of",
            "on",
            "one",
            "or",
            "other",
            "our",
            "out",
            "over",
            "per",
            "role",
            "such",
            "team",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "under",
            "up",
            "us",
            "use",
            "using",
            "via",
            "was",
            "we",
            "well",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "will",
            "with",
            "within",
            "work",
            "working",
            "would",
            "you",
            "your",
            "years",
            "year",
            "experience",
            "ability",
            "able",
            "strong",
            "skills",
            "knowledge",
            "across",
            "candidate",
            "company",
            "position",
            "opportunity",
            "looking",
            "join",
            "based",
            "responsible",
            "required",
            "preferred",
            "plus",
            "e",
            "g",
            "ie",
            "eg",
            "s",
            "ll",
            "re",
            "ve",
            "d",
            "m");

    private final SkillExtractor skills;

    public JobAnalyser(SkillExtractor skills) {
        this.skills = skills;
    }

    public SkillExtractor skills() {
        return skills;
    }

    public Analysis analyse(String title, String description, String titleSeniority) {
        List<SkillExtractor.ExtractedSkill> all = skills.extract(description);
        List<SkillExtractor.ExtractedSkill> required = all.stream()
                .filter(s -> s.importance() == SkillExtractor.Importance.REQUIRED)
                .toList();
        List<SkillExtractor.ExtractedSkill> nice = all.stream()
                .filter(s -> s.importance() == SkillExtractor.Importance.NICE_TO_HAVE)
                .toList();
        Integer years = minYears(description);
        String seniority = titleSeniority != null ? titleSeniority : seniorityFromYears(years);
        return new Analysis(required, nice, keywords(title, description, 12), years, seniority);
    }

    /** The fewest years of experience asked for ("3+ years of experience", "5-7 yrs in Java", "two years'"). */
    static Integer minYears(String text) {
        Integer min = null;
        Matcher m = YEARS.matcher(text);
        while (m.find()) {
            String after = m.group("after").toLowerCase(Locale.ROOT);
            if (!after.contains("experience")
                    && !after.matches("^\\s*(?:of|in|with|working|as|professional|hands).*")) {
                continue; // "3 years ago", "a 2-year contract"
            }
            int years = m.group("word") != null
                    ? NUMBER_WORDS.get(m.group("word").toLowerCase(Locale.ROOT))
                    : Integer.parseInt(m.group("min"));
            if (years <= 30 && (min == null || years < min)) {
                min = years;
            }
        }
        return min;
    }

    static String seniorityFromYears(Integer years) {
        if (years == null) {
            return null;
        }
        if (years >= 8) {
            return "LEAD";
        }
        if (years >= 5) {
            return "SENIOR";
        }
        return years >= 2 ? "MID" : "ENTRY";
    }

    /** Words and word pairs the ad leans on (title words count double), stop words left out. */
    static List<String> keywords(String title, String description, int limit) {
        Map<String, Double> score = new HashMap<>();
        count(title == null ? "" : title, 3.0, score);
        count(description, 1.0, score);
        List<Map.Entry<String, Double>> entries = new ArrayList<>(score.entrySet());
        entries.removeIf(e -> e.getValue() < 2);
        entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : entries) {
            // A word already inside a chosen pair adds nothing.
            if (out.stream().noneMatch(k -> k.contains(e.getKey()) || e.getKey().contains(k))) {
                out.add(e.getKey());
            }
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    private static void count(String text, double weight, Map<String, Double> score) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}+#]+", " ")
                .strip()
                .split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() < 2 || STOPWORDS.contains(w) || w.chars().allMatch(Character::isDigit)) {
                continue;
            }
            score.merge(w, weight, Double::sum);
            if (i + 1 < words.length) {
                String next = words[i + 1];
                if (next.length() >= 2
                        && !STOPWORDS.contains(next)
                        && !next.chars().allMatch(Character::isDigit)) {
                    score.merge(w + " " + next, weight * 1.5, Double::sum);
                }
            }
        }
    }
}
