package io.openhire.jobprocessing.report;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.Sections;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * Reviews a job ad: completeness (30), length (10), readability (15), inclusive wording (25) and keyword
 * coverage (20) make the score; the report says what is missing, which words to change and why, offers
 * a structured rewrite the recruiter can take field by field, and JSON-LD for Google for Jobs.
 */
public final class AdReviewer {

    static final int IDEAL_MIN_WORDS = 250;
    static final int IDEAL_MAX_WORDS = 900;

    private final JobAnalyser analyser;
    private final Clock clock;

    public AdReviewer(JobAnalyser analyser, Clock clock) {
        this.analyser = analyser;
        this.clock = clock;
    }

    public record Review(JobAnalyser.Analysis analysis, AdReport report) {}

    public Review review(JobIngested job) {
        String text = job.description() == null ? "" : job.description();
        JobAnalyser.Analysis analysis = analyser.analyse(job.title(), text, job.seniority());
        List<Sections.Line> lines = Sections.of(text);
        List<AdReport.Category> breakdown = new ArrayList<>();

        // Completeness: what candidates look for first.
        List<String> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int completeness = 0;
        boolean salaryStated = job.salary() != null;
        completeness += salaryStated ? 8 : 0;
        if (!salaryStated) {
            missing.add("salary");
        }
        boolean located = job.locations() != null && !job.locations().isEmpty() || "REMOTE".equals(job.workplace());
        completeness += located ? 6 : 0;
        if (!located) {
            missing.add("location");
        }
        for (Object[] section : new Object[][] {
            {Sections.Kind.RESPONSIBILITIES, "responsibilities", 6},
            {Sections.Kind.REQUIREMENTS, "requirements", 6},
            {Sections.Kind.BENEFITS, "benefits", 4}
        }) {
            boolean present = lines.stream().anyMatch(l -> l.section() == section[0]);
            if (present) {
                completeness += (int) section[2];
            } else {
                missing.add((String) section[1]);
            }
        }
        if (!missing.isEmpty()) {
            notes.add("Missing: " + String.join(", ", missing));
        }
        breakdown.add(new AdReport.Category("completeness", completeness, 30, notes));

        // Length.
        Readability.Result readability = Readability.of(text);
        int words = readability.words();
        int lengthScore = words >= IDEAL_MIN_WORDS && words <= IDEAL_MAX_WORDS
                ? 10
                : words < IDEAL_MIN_WORDS
                        ? (int) Math.round(10.0 * words / IDEAL_MIN_WORDS)
                        : Math.max(3, 10 - (words - IDEAL_MAX_WORDS) / 150);
        breakdown.add(new AdReport.Category(
                "length",
                lengthScore,
                10,
                List.of(words + " words; " + IDEAL_MIN_WORDS + "–" + IDEAL_MAX_WORDS + " read best")));

        // Readability.
        double ease = readability.fleschReadingEase();
        int readScore = ease >= 60 ? 15 : ease <= 20 ? 0 : (int) Math.round(15 * (ease - 20) / 40);
        List<String> readNotes = new ArrayList<>();
        readNotes.add("Flesch reading ease " + ease + " ("
                + readability.level().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        if (readability.averageSentenceWords() > 22) {
            readNotes.add("Sentences average " + readability.averageSentenceWords() + " words; aim for under 20");
        }
        breakdown.add(new AdReport.Category("readability", readScore, 15, readNotes));

        // Inclusive wording.
        InclusiveLanguage.Result inclusive = InclusiveLanguage.check(job.title() + "\n" + text);
        int masculine = inclusive.masculine().stream()
                .mapToInt(InclusiveLanguage.CodedWord::count)
                .sum();
        int feminine = inclusive.feminine().stream()
                .mapToInt(InclusiveLanguage.CodedWord::count)
                .sum();
        int inclusiveScore = Math.max(
                0,
                25
                        - 2 * Math.max(0, masculine - feminine)
                        - 5 * inclusive.exclusionary().size());
        List<String> inclusiveNotes = new ArrayList<>();
        inclusiveNotes.add(
                "Wording is " + inclusive.balance().toLowerCase(Locale.ROOT).replace('_', ' ') + "-coded (" + masculine
                        + " masculine, " + feminine + " feminine-coded words)");
        inclusive.exclusionary().forEach(f -> inclusiveNotes.add("\"" + f.phrase() + "\": " + f.reason()));
        breakdown.add(new AdReport.Category("inclusiveLanguage", inclusiveScore, 25, inclusiveNotes));

        // Keyword coverage: does the ad name what the role needs, and the role's own words?
        List<String> titleTerms = titleTerms(job.title());
        String lowerText = text.toLowerCase(Locale.ROOT);
        List<String> titleMissing =
                titleTerms.stream().filter(t -> !lowerText.contains(t)).toList();
        int named = Math.min(5, analysis.requiredSkills().size());
        int keywordScore = named * 2
                + (titleTerms.isEmpty()
                        ? 5
                        : (int) Math.round(5.0 * (titleTerms.size() - titleMissing.size()) / titleTerms.size()))
                + (analysis.minYearsExperience() != null || analysis.seniority() != null ? 5 : 0);
        List<String> keywordNotes = new ArrayList<>();
        keywordNotes.add(analysis.requiredSkills().size() + " required and "
                + analysis.niceToHaveSkills().size()
                + " nice-to-have skills named; name at least 5 so that candidates and search engines find the ad");
        if (!titleMissing.isEmpty()) {
            keywordNotes.add("Title words not used in the text: " + String.join(", ", titleMissing));
        }
        if (analysis.minYearsExperience() == null && analysis.seniority() == null) {
            keywordNotes.add("Neither a level nor the years of experience are stated");
        }
        breakdown.add(new AdReport.Category("keywordCoverage", keywordScore, 20, keywordNotes));

        int score = breakdown.stream().mapToInt(AdReport.Category::score).sum();
        List<AdReport.RewriteField> rewrite = rewrite(job, lines, analysis, inclusive);
        String html = html(lines);
        var jsonLd = GoogleJobPosting.of(job, html);
        AdReport report = new AdReport(
                job.jobId(),
                job.jobId() == null ? null : job.revision(),
                job.title(),
                score,
                breakdown,
                missing,
                readability,
                inclusive,
                new AdReport.Keywords(
                        analysis.requiredSkills(),
                        analysis.niceToHaveSkills(),
                        analysis.keywords(),
                        analysis.minYearsExperience(),
                        analysis.seniority(),
                        titleMissing),
                rewrite,
                jsonLd,
                GoogleJobPosting.problems(jsonLd),
                analyser.skills().taxonomy().version(),
                clock.instant());
        return new Review(analysis, report);
    }

    private static List<String> titleTerms(String title) {
        if (title == null) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
            if (w.length() > 2
                    && !List.of(
                                    "senior",
                                    "junior",
                                    "lead",
                                    "principal",
                                    "staff",
                                    "remote",
                                    "hybrid",
                                    "the",
                                    "and",
                                    "for")
                            .contains(w)) {
                terms.add(w);
            }
        }
        return terms;
    }

    /** The ad by section, wording fixed, so the recruiter can take each field or leave it. */
    private static List<AdReport.RewriteField> rewrite(
            JobIngested job,
            List<Sections.Line> lines,
            JobAnalyser.Analysis analysis,
            InclusiveLanguage.Result inclusive) {
        Map<Sections.Kind, List<String>> bySection = new LinkedHashMap<>();
        for (Sections.Line line : lines) {
            bySection.computeIfAbsent(line.section(), k -> new ArrayList<>()).add(line.text());
        }
        List<AdReport.RewriteField> fields = new ArrayList<>();
        fields.add(new AdReport.RewriteField(
                "title",
                job.title(),
                job.title(),
                "A plain title is what candidates search for; level and place go in their own fields"));
        String summary = String.join("\n", bySection.getOrDefault(Sections.Kind.SUMMARY, List.of()));
        fields.add(
                field("summary", summary, fixWording(summary, inclusive), "Opening paragraph, wording made inclusive"));
        String responsibilities = bullets(bySection.get(Sections.Kind.RESPONSIBILITIES));
        fields.add(field(
                "responsibilities",
                responsibilities,
                fixWording(responsibilities, inclusive),
                responsibilities.isEmpty()
                        ? "Add 4–6 bullets on what the person will do"
                        : "As bullets, wording made inclusive"));
        String requirementsOriginal = bullets(bySection.get(Sections.Kind.REQUIREMENTS));
        List<String> required = new ArrayList<>();
        if (analysis.minYearsExperience() != null) {
            required.add(analysis.minYearsExperience() + "+ years of relevant experience");
        }
        analysis.requiredSkills().stream().limit(10).forEach(s -> required.add(s.name()));
        fields.add(field(
                "requirements",
                requirementsOriginal,
                bullets(required),
                "Only what is truly required, one skill per line: long must-have lists put off qualified candidates"));
        String niceOriginal = bullets(bySection.get(Sections.Kind.NICE_TO_HAVE));
        fields.add(field(
                "niceToHave",
                niceOriginal,
                bullets(analysis.niceToHaveSkills().stream()
                        .map(SkillExtractor.ExtractedSkill::name)
                        .toList()),
                "Kept apart from the requirements so they do not read as must-haves"));
        String benefits = bullets(bySection.get(Sections.Kind.BENEFITS));
        fields.add(field(
                "benefits",
                benefits,
                benefits.isEmpty() ? "" : fixWording(benefits, inclusive),
                benefits.isEmpty() ? "Add the benefits: ads that state them attract more applicants" : "As bullets"));
        String salary = job.salary() == null
                ? ""
                : (job.salary().min() == null ? "" : job.salary().min().toPlainString())
                        + (job.salary().max() == null
                                ? "+"
                                : "–" + job.salary().max().toPlainString()) + " "
                        + job.salary().currency() + " per "
                        + job.salary().period().toLowerCase(Locale.ROOT);
        fields.add(field(
                "salary",
                salary,
                salary,
                salary.isEmpty()
                        ? "State the pay range: many candidates skip ads without one, and some jurisdictions require it"
                        : "Stated"));
        String location = job.locations() == null
                ? ""
                : job.locations().stream()
                        .map(JobIngested.Location::text)
                        .filter(t -> t != null)
                        .collect(Collectors.joining("; "));
        fields.add(field(
                "location",
                location,
                location
                        + (job.workplace() == null
                                ? ""
                                : (location.isEmpty() ? "" : " · ")
                                        + job.workplace()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', '-')),
                job.workplace() == null
                        ? "Say whether the job is on-site, hybrid or remote"
                        : "Location with workplace"));
        return fields;
    }

    private static AdReport.RewriteField field(String name, String original, String suggested, String reason) {
        return new AdReport.RewriteField(name, original, suggested, reason);
    }

    private static String bullets(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return "";
        }
        return lines.stream()
                .map(l -> l.replaceFirst("^[-•*]\\s*", ""))
                .map(l -> "- " + l)
                .collect(Collectors.joining("\n"));
    }

    /** Replaces exclusionary phrases and the strongest masculine-coded words with the suggested wording. */
    static String fixWording(String text, InclusiveLanguage.Result inclusive) {
        String fixed = text;
        for (InclusiveLanguage.Exclusion e : InclusiveLanguage.EXCLUSIONS) {
            Matcher m = e.pattern().matcher(fixed);
            if (m.find()
                    && !e.suggestion().startsWith("remove")
                    && !e.suggestion().contains(",")
                    && !e.suggestion().contains(" / ")) {
                fixed = m.replaceAll(Matcher.quoteReplacement(e.suggestion()));
            }
        }
        for (InclusiveLanguage.CodedWord word : inclusive.masculine()) {
            if (!word.alternatives().isEmpty()
                    && !word.word().startsWith("lead")
                    && !word.word().startsWith("challeng")) {
                fixed = Pattern.compile("(?i)\\b" + Pattern.quote(word.word()) + "\\b")
                        .matcher(fixed)
                        .replaceAll(Matcher.quoteReplacement(word.alternatives().getFirst()));
            }
        }
        return fixed;
    }

    /** The description as HTML: a heading per section, paragraphs, and lists for bullets. */
    static String html(List<Sections.Line> lines) {
        StringBuilder out = new StringBuilder();
        Sections.Kind current = null;
        boolean inList = false;
        for (Sections.Line line : lines) {
            if (line.section() != current) {
                if (inList) {
                    out.append("</ul>");
                    inList = false;
                }
                current = line.section();
                if (current != Sections.Kind.SUMMARY) {
                    out.append("<h3>").append(heading(current)).append("</h3>");
                }
            }
            boolean bullet = line.text().startsWith("- ") || line.text().startsWith("• ");
            if (bullet && !inList) {
                out.append("<ul>");
                inList = true;
            } else if (!bullet && inList) {
                out.append("</ul>");
                inList = false;
            }
            String escaped = HtmlUtils.htmlEscape(bullet ? line.text().substring(2) : line.text());
            out.append(bullet ? "<li>" + escaped + "</li>" : "<p>" + escaped + "</p>");
        }
        if (inList) {
            out.append("</ul>");
        }
        return out.toString();
    }

    private static String heading(Sections.Kind kind) {
        return switch (kind) {
            case RESPONSIBILITIES -> "Responsibilities";
            case REQUIREMENTS -> "Requirements";
            case NICE_TO_HAVE -> "Nice to have";
            case BENEFITS -> "Benefits";
            case SALARY -> "Salary";
            case ABOUT -> "About us";
            default -> "More";
        };
    }
}
