package io.openhire.resumeprocessing.optimize;

import io.openhire.resumeprocessing.client.AtsReport;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Scores a parsed resume against a job text. Categories and their weights: skills the job names
 * (50), the job's other recurring keywords (20), title (10), the sections an ATS looks for (10), and
 * length and evidence (10). Every point lost comes with a suggestion.
 */
public class AtsScorer {

    private static final Pattern NICE_TO_HAVE = Pattern.compile(
            "(?i)\\b(nice to have|nice-to-have|preferred|bonus|a plus|desirable|good to have|optional)\\b");
    private static final Pattern QUANTIFIED = Pattern.compile("(\\d+\\s*%|\\$\\s*\\d|\\b\\d{2,}\\b|\\b\\d+[kKmM]\\b)");
    private static final Set<String> STOPWORDS = Set.copyOf(List.of(
            "the",
            "and",
            "for",
            "with",
            "you",
            "your",
            "our",
            "are",
            "will",
            "have",
            "has",
            "this",
            "that",
            "from",
            "who",
            "what",
            "all",
            "can",
            "able",
            "work",
            "working",
            "team",
            "teams",
            "role",
            "job",
            "position",
            "company",
            "including",
            "such",
            "across",
            "within",
            "years",
            "year",
            "experience",
            "strong",
            "skills",
            "knowledge",
            "ability",
            "must",
            "should",
            "other",
            "their",
            "they",
            "them",
            "into",
            "also",
            "more",
            "well",
            "new",
            "use",
            "using",
            "including",
            "about",
            "we",
            "us",
            "is",
            "in",
            "of",
            "to",
            "a",
            "an",
            "on",
            "or",
            "as",
            "be",
            "at",
            "by",
            "it",
            "not",
            "but",
            "per",
            "via",
            "etc",
            "join",
            "looking",
            "responsibilities",
            "requirements",
            "qualifications",
            "preferred",
            "required",
            "plus",
            "bonus",
            "benefits",
            "apply",
            "candidate",
            "candidates",
            "opportunity",
            "help",
            "make",
            "build",
            "building",
            "equal",
            "employer",
            "including",
            "degree",
            "related",
            "field",
            "excellent",
            "good",
            "great",
            "based",
            "day",
            "days",
            "time",
            "full",
            "part",
            "salary",
            "offer",
            "want",
            "need",
            "needs",
            "every",
            "each"));

    private final SkillsTaxonomy taxonomy;

    public AtsScorer(SkillsTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public AtsReport score(
            UUID resumeId,
            CandidateProfile profile,
            String resumeText,
            String jobText,
            String jobTitle,
            UUID jobId,
            Instant now) {
        // Job skills, weighted by mentions; required unless they sit under a "nice to have" line.
        Map<String, int[]> jobSkills = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        boolean nice = false;
        for (String line : jobText.split("\\R")) {
            if (NICE_TO_HAVE.matcher(line).find()) {
                nice = true;
            } else if (line.strip().endsWith(":") && !NICE_TO_HAVE.matcher(line).find()) {
                nice = false;
            }
            for (SkillMatch m : taxonomy.find(line)) {
                if (m.skill().kind() == io.openhire.skills.Skill.Kind.COMPETENCE
                        && m.skill().name().split(" ").length < 2) {
                    continue; // single ordinary words ("communication") are not what an ATS matches on
                }
                int[] w = jobSkills.computeIfAbsent(m.skill().id(), id -> new int[] {0, 0});
                w[0]++;
                if (!nice) {
                    w[1] = 1;
                }
                names.put(m.skill().id(), m.skill().name());
            }
        }
        Set<String> resumeSkills = new HashSet<>();
        profile.skills().forEach(s -> resumeSkills.add(s.id()));
        taxonomy.find(resumeText).forEach(m -> resumeSkills.add(m.skill().id()));

        List<AtsReport.SkillWeight> matched = new ArrayList<>();
        List<AtsReport.SkillWeight> missing = new ArrayList<>();
        int totalWeight = 0;
        int matchedWeight = 0;
        for (Map.Entry<String, int[]> e : jobSkills.entrySet()) {
            boolean required = e.getValue()[1] == 1;
            int weight = e.getValue()[0] * (required ? 2 : 1);
            totalWeight += weight;
            AtsReport.SkillWeight sw = new AtsReport.SkillWeight(e.getKey(), names.get(e.getKey()), weight, required);
            if (resumeSkills.contains(e.getKey())) {
                matched.add(sw);
                matchedWeight += weight;
            } else {
                missing.add(sw);
            }
        }
        Comparator<AtsReport.SkillWeight> heaviest =
                Comparator.comparingInt(AtsReport.SkillWeight::weight).reversed();
        matched.sort(heaviest);
        missing.sort(heaviest);
        int skillScore = totalWeight == 0 ? 25 : (int) Math.round(50.0 * matchedWeight / totalWeight);

        // Keywords: the job's recurring words that are not already skills.
        String resumeLower = resumeText.toLowerCase(Locale.ROOT);
        Set<String> skillWords = new HashSet<>();
        names.values()
                .forEach(n ->
                        skillWords.addAll(List.of(n.toLowerCase(Locale.ROOT).split("\\W+"))));
        Map<String, Integer> frequency = new HashMap<>();
        for (String word : jobText.toLowerCase(Locale.ROOT).split("[^a-z+#]+")) {
            if (word.length() >= 4 && !STOPWORDS.contains(word) && !skillWords.contains(word)) {
                frequency.merge(word, 1, Integer::sum);
            }
        }
        List<String> keywords = frequency.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(15)
                .map(Map.Entry::getKey)
                .toList();
        List<String> matchedKeywords = new ArrayList<>();
        List<String> missingKeywords = new ArrayList<>();
        for (String k : keywords) {
            (Pattern.compile("\\b" + Pattern.quote(k)).matcher(resumeLower).find() ? matchedKeywords : missingKeywords)
                    .add(k);
        }
        int keywordScore = keywords.isEmpty() ? 10 : (int) Math.round(20.0 * matchedKeywords.size() / keywords.size());

        // Title: words of the job title found in the resume's titles and headline.
        String title = jobTitle != null && !jobTitle.isBlank() ? jobTitle : firstLine(jobText);
        Set<String> titleWords = words(title);
        Set<String> resumeTitleWords = new HashSet<>();
        profile.work().forEach(w -> resumeTitleWords.addAll(words(w.title())));
        resumeTitleWords.addAll(words(profile.headline()));
        long common = titleWords.stream().filter(resumeTitleWords::contains).count();
        int titleScore = titleWords.isEmpty() ? 5 : (int) Math.round(10.0 * common / titleWords.size());

        // Sections an ATS needs to find.
        boolean contact = !profile.emails().isEmpty() || !profile.phones().isEmpty();
        boolean datedWork = profile.work().stream().anyMatch(w -> w.start() != null);
        boolean educated = !profile.education().isEmpty();
        boolean listedSkills = profile.skills().stream().anyMatch(CandidateProfile.SkillMention::listed);
        int sectionScore = (contact ? 3 : 0) + (datedWork ? 3 : 0) + (educated ? 2 : 0) + (listedSkills ? 2 : 0);

        // Length and evidence.
        int words = resumeText.split("\\s+").length;
        long quantified =
                resumeText.lines().filter(l -> QUANTIFIED.matcher(l).find()).count();
        int lengthScore = words >= 250 && words <= 1200 ? 4 : words >= 150 && words <= 2000 ? 2 : 0;
        int evidenceScore = quantified >= 3 ? 3 : (int) quantified;
        long walls = resumeText.lines().filter(l -> l.split("\\s+").length > 80).count();
        int readability = walls == 0 ? 3 : walls <= 2 ? 1 : 0;
        int styleScore = lengthScore + evidenceScore + readability;

        List<String> suggestions = new ArrayList<>();
        missing.stream()
                .filter(AtsReport.SkillWeight::required)
                .limit(5)
                .forEach(s -> suggestions.add("The job asks for " + s.name()
                        + ". If you have it, list it under Skills and show where you used it."));
        missing.stream()
                .filter(s -> !s.required())
                .limit(3)
                .forEach(s -> suggestions.add(s.name() + " is a plus for this job; mention it if it is true for you."));
        if (!missingKeywords.isEmpty()) {
            suggestions.add("Use the job's own words where they are true for you: "
                    + String.join(", ", missingKeywords.subList(0, Math.min(5, missingKeywords.size()))) + ".");
        }
        if (titleScore < 6 && !titleWords.isEmpty()) {
            suggestions.add("Your titles and headline do not echo \"" + title.strip()
                    + "\"; if the role fits, say so in your headline or summary.");
        }
        if (!contact) {
            suggestions.add("Add an email address and a phone number at the top.");
        }
        if (!datedWork) {
            suggestions.add(
                    "Give each job a start and end date (month and year): ATS systems compute experience from them.");
        }
        if (!educated) {
            suggestions.add("Add an Education section, even a short one.");
        }
        if (!listedSkills) {
            suggestions.add("Add a Skills section that lists your tools and technologies by name.");
        }
        if (words < 250) {
            suggestions.add(
                    "The resume is short (" + words + " words): describe what you did and achieved in each role.");
        } else if (words > 1200) {
            suggestions.add(
                    "The resume is long (" + words + " words): keep the last ten years and what matters for this job.");
        }
        if (quantified < 3) {
            suggestions.add("Quantify results (numbers, percentages, amounts) in at least three bullet points.");
        }
        if (walls > 0) {
            suggestions.add("Break long paragraphs into bullet points; parsers and readers skim.");
        }

        List<AtsReport.Category> breakdown = List.of(
                new AtsReport.Category(
                        "skills", skillScore, 50, matched.size() + " of " + jobSkills.size() + " job skills found"),
                new AtsReport.Category(
                        "keywords",
                        keywordScore,
                        20,
                        matchedKeywords.size() + " of " + keywords.size() + " recurring job keywords found"),
                new AtsReport.Category(
                        "title",
                        titleScore,
                        10,
                        common + " of " + titleWords.size() + " title words found in your titles"),
                new AtsReport.Category(
                        "sections", sectionScore, 10, "contact, dated experience, education, skills list"),
                new AtsReport.Category(
                        "style", styleScore, 10, words + " words, " + quantified + " lines with numbers"));
        int score = breakdown.stream().mapToInt(AtsReport.Category::score).sum();
        return new AtsReport(
                UUID.randomUUID(),
                resumeId,
                jobId,
                title == null ? null : title.strip(),
                score,
                breakdown,
                List.copyOf(matched),
                List.copyOf(missing),
                List.copyOf(matchedKeywords),
                List.copyOf(missingKeywords),
                List.copyOf(suggestions),
                profile.parserVersion(),
                now);
    }

    /** "engineering" and "engineers" count as "engineer": titles are compared by stem. */
    static String stem(String word) {
        for (String suffix : List.of("ing", "ers", "er", "s")) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static String firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z+#]+")) {
            if (w.length() >= 2 && !STOPWORDS.contains(w)) {
                out.add(stem(w));
            }
        }
        return out;
    }
}
