package io.openhire.matching.ranking;

import io.openhire.matching.client.MatchList;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The category scores of one candidate for one job, each 0–1 with a sentence a recruiter can check.
 * Nothing here reads a name, contact detail, age or gender: {@link CandidateFacts} does not carry them.
 * Skills, title and semantic similarity are scored here; experience ({@link ExperienceFit}) and location
 * ({@link LocationFit}) by rules of their own. Each category is then weighted as the ranker model says.
 */
public final class MatchFeatures {

    private static final Analyzer TITLE_ANALYZER = new EnglishAnalyzer();
    private static final Set<String> TITLE_NOISE = Set.of(
            "senior", "sr", "junior", "jr", "lead", "princip", "staff", "head", "i", "ii", "iii", "iv", "mid", "level",
            "intern", "trainee", "remot", "hybrid", "m", "f", "d", "w", "x", "entri");
    private static final int MAX_EVIDENCE = 8;
    /** Cosine similarities of job ads and resumes with the shipped models fall between these. */
    static final double COSINE_FLOOR = 0.2;

    static final double COSINE_CEILING = 0.8;

    private MatchFeatures() {}

    /** What is known about the job, prepared once per query. */
    public static final class JobSide {
        final JobFacts job;
        final Set<String> titleTokens;

        public JobSide(JobFacts job) {
            this.job = job;
            this.titleTokens = tokens(job.title());
        }

        /** Skills the ad names without a taxonomy id: found in the candidate's text, not by id. */
        public List<String> phraseSkills() {
            return Stream.concat(job.requiredSkills().stream(), job.niceToHaveSkills().stream())
                    .filter(s -> s.id() == null && s.name() != null && !s.name().isBlank())
                    .map(s -> s.name().toLowerCase(Locale.ROOT))
                    .distinct()
                    .toList();
        }
    }

    /** Whether the candidate's text mentions a phrase (a skill the ad names without a taxonomy id). */
    @FunctionalInterface
    public interface TextMentions {
        boolean mentions(String phrase);

        /** By scanning the text, lower-cased, for the phrase on word boundaries. */
        static TextMentions of(String candidateText) {
            String lowerText = candidateText == null ? "" : candidateText.toLowerCase(Locale.ROOT);
            return phrase -> containsPhrase(lowerText, phrase.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The category scores and matched/missing skills, without evidence ({@link #withEvidence} adds it, for
     * the lines that are shown).
     *
     * @param candidateText the candidate's searchable text (identity removed), for skills the ad names
     *     without a taxonomy id
     * @param cosine the cosine of the job's and the resume's vectors, or null without vectors
     */
    public static Explanation explain(
            JobSide side,
            CandidateFacts candidate,
            String candidateText,
            Double cosine,
            Map<ScoreCategory, Double> weights) {
        return explain(side, candidate, TextMentions.of(candidateText), cosine, weights);
    }

    /** As above, with the text's mentions found another way (by the index, for many candidates at once). */
    public static Explanation explain(
            JobSide side,
            CandidateFacts candidate,
            TextMentions text,
            Double cosine,
            Map<ScoreCategory, Double> weights) {
        JobFacts job = side.job;
        Set<String> skillIds = new HashSet<>();
        Set<String> skillNames = new HashSet<>();
        candidate.skills().forEach(s -> {
            if (s.id() != null) {
                skillIds.add(s.id());
            }
            if (s.name() != null) {
                skillNames.add(s.name().toLowerCase(Locale.ROOT));
            }
        });

        List<String> matchedRequired = new ArrayList<>();
        List<String> missingRequired = new ArrayList<>();
        for (JobFacts.Skill skill : job.requiredSkills()) {
            if (has(skill, skillIds, skillNames, text)) {
                matchedRequired.add(skill.name());
            } else {
                missingRequired.add(skill.name());
            }
        }
        List<String> matchedNice = new ArrayList<>();
        for (JobFacts.Skill skill : job.niceToHaveSkills()) {
            if (has(skill, skillIds, skillNames, text)) {
                matchedNice.add(skill.name());
            }
        }

        Map<ScoreCategory, MatchList.Category> breakdown = new EnumMap<>(ScoreCategory.class);
        int required = job.requiredSkills().size();
        breakdown.put(
                ScoreCategory.REQUIRED_SKILLS,
                required == 0
                        ? na(weights, ScoreCategory.REQUIRED_SKILLS, "the job names no required skills")
                        : category(
                                weights,
                                ScoreCategory.REQUIRED_SKILLS,
                                (double) matchedRequired.size() / required,
                                matchedRequired.size() + " of " + required + " required skills"));
        int nice = job.niceToHaveSkills().size();
        breakdown.put(
                ScoreCategory.NICE_TO_HAVE_SKILLS,
                nice == 0
                        ? na(weights, ScoreCategory.NICE_TO_HAVE_SKILLS, "the job names no nice-to-have skills")
                        : category(
                                weights,
                                ScoreCategory.NICE_TO_HAVE_SKILLS,
                                (double) matchedNice.size() / nice,
                                matchedNice.size() + " of " + nice + " nice-to-have skills"));
        breakdown.put(ScoreCategory.TITLE, title(side, candidate, weights));
        breakdown.put(
                ScoreCategory.SEMANTIC,
                cosine == null
                        ? na(
                                weights,
                                ScoreCategory.SEMANTIC,
                                "no text embedding yet (the embedding model is unavailable, or this vector is being computed)")
                        : category(
                                weights,
                                ScoreCategory.SEMANTIC,
                                clamp((cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR)),
                                String.format(Locale.ROOT, "text similarity %.2f (cosine)", cosine)));
        breakdown.put(
                ScoreCategory.EXPERIENCE,
                weighted(weights, ScoreCategory.EXPERIENCE, ExperienceFit.of(job, candidate, relevance(breakdown))));
        breakdown.put(
                ScoreCategory.LOCATION,
                weighted(weights, ScoreCategory.LOCATION, LocationFit.of(job, candidate.location())));
        breakdown.put(
                ScoreCategory.SALARY,
                na(
                        weights,
                        ScoreCategory.SALARY,
                        job.salary() == null
                                ? "the job states no salary"
                                : "the candidate's expected salary is not known"));
        return new Explanation(breakdown, matchedRequired, missingRequired, matchedNice, List.of());
    }

    /**
     * The explanation with evidence: for each matched skill (required first), the first resume line that
     * mentions it.
     *
     * @param evidence the candidate's lines per taxonomy skill id ({@link CandidateFacts#evidence()})
     * @param candidateText the candidate's searchable text, for skills without a taxonomy id
     */
    public static Explanation withEvidence(
            Explanation explanation, JobSide side, Map<String, List<String>> evidence, String candidateText) {
        List<MatchList.Evidence> lines = new ArrayList<>();
        Set<String> matched = new HashSet<>(explanation.matchedRequiredSkills());
        matched.addAll(explanation.matchedNiceToHaveSkills());
        Stream.concat(side.job.requiredSkills().stream(), side.job.niceToHaveSkills().stream())
                .filter(skill -> matched.contains(skill.name()))
                .forEach(skill -> addEvidence(lines, skill, evidence, candidateText));
        return new Explanation(
                explanation.breakdown(),
                explanation.matchedRequiredSkills(),
                explanation.missingRequiredSkills(),
                explanation.matchedNiceToHaveSkills(),
                lines);
    }

    private static boolean has(JobFacts.Skill skill, Set<String> ids, Set<String> names, TextMentions text) {
        if (skill.id() != null && ids.contains(skill.id())) {
            return true;
        }
        String name = skill.name() == null ? "" : skill.name().toLowerCase(Locale.ROOT);
        return !name.isBlank() && (names.contains(name) || (skill.id() == null && text.mentions(name)));
    }

    static boolean containsPhrase(String lowerText, String phrase) {
        int from = 0;
        while (true) {
            int at = lowerText.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lowerText.charAt(at - 1));
            boolean endOk = end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static void addEvidence(
            List<MatchList.Evidence> evidence, JobFacts.Skill skill, Map<String, List<String>> byId, String text) {
        if (evidence.size() >= MAX_EVIDENCE
                || evidence.stream().anyMatch(e -> e.skill().equals(skill.name()))) {
            return;
        }
        List<String> lines = skill.id() == null ? null : byId.get(skill.id());
        if (lines != null && !lines.isEmpty()) {
            evidence.add(new MatchList.Evidence(skill.name(), lines.getFirst()));
            return;
        }
        if (text != null && skill.name() != null) {
            String phrase = skill.name().toLowerCase(Locale.ROOT);
            for (String line : text.split("\n")) {
                if (containsPhrase(line.toLowerCase(Locale.ROOT), phrase)) {
                    evidence.add(new MatchList.Evidence(
                            skill.name(), line.length() > 240 ? line.substring(0, 240) + "…" : line));
                    return;
                }
            }
        }
    }

    private static MatchList.Category title(
            JobSide side, CandidateFacts candidate, Map<ScoreCategory, Double> weights) {
        if (side.titleTokens.isEmpty()) {
            return na(weights, ScoreCategory.TITLE, "the job has no title");
        }
        List<String> titles = new ArrayList<>();
        if (candidate.currentTitle() != null) {
            titles.add(candidate.currentTitle());
        }
        candidate.titles().stream().filter(t -> !titles.contains(t)).forEach(titles::add);
        if (titles.isEmpty()) {
            return na(weights, ScoreCategory.TITLE, "no job titles found in the resume");
        }
        double best = 0;
        String bestTitle = null;
        for (int i = 0; i < titles.size() && i < 6; i++) {
            // The current title counts fully, earlier ones a little less.
            double similarity = dice(side.titleTokens, tokens(titles.get(i))) * (i == 0 ? 1.0 : 0.85);
            if (similarity > best) {
                best = similarity;
                bestTitle = titles.get(i);
            }
        }
        return bestTitle == null
                ? category(weights, ScoreCategory.TITLE, 0.0, "no similar job title")
                : category(
                        weights, ScoreCategory.TITLE, best, "\"" + bestTitle + "\" for \"" + side.job.title() + "\"");
    }

    /**
     * How related the candidate's background is to the job (0–1): the best of title similarity, required-skill
     * coverage and semantic similarity. Years count as experience for this job only as far as they are related:
     * ten years as a nurse are not ten years of backend engineering. Null when none of the three applies.
     */
    private static Double relevance(Map<ScoreCategory, MatchList.Category> breakdown) {
        Double best = null;
        for (ScoreCategory category :
                List.of(ScoreCategory.TITLE, ScoreCategory.REQUIRED_SKILLS, ScoreCategory.SEMANTIC)) {
            Double score = breakdown.get(category).score();
            if (score != null) {
                best = best == null ? score : Math.max(best, score);
            }
        }
        return best;
    }

    private static MatchList.Category category(
            Map<ScoreCategory, Double> weights, ScoreCategory name, double score, String detail) {
        return new MatchList.Category(Math.round(score * 1000) / 1000.0, weights.getOrDefault(name, 0.0), detail);
    }

    private static MatchList.Category weighted(Map<ScoreCategory, Double> weights, ScoreCategory name, Fit fit) {
        return fit.score() == null
                ? na(weights, name, fit.detail())
                : category(weights, name, fit.score(), fit.detail());
    }

    private static MatchList.Category na(Map<ScoreCategory, Double> weights, ScoreCategory name, String detail) {
        return new MatchList.Category(null, weights.getOrDefault(name, 0.0), detail);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    static Set<String> tokens(String title) {
        Set<String> tokens = new HashSet<>();
        if (title == null || title.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = TITLE_ANALYZER.tokenStream("title", title)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String token = term.toString();
                if (!TITLE_NOISE.contains(token)) {
                    tokens.add(token);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String token : a) {
            if (b.contains(token)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
