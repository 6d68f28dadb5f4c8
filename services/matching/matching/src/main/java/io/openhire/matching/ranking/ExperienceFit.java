package io.openhire.matching.ranking;

import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the candidate has the experience the job asks for: the years against the job's minimum, and the
 * level (from the current title's words, else from the years) against the job's seniority; the mean of the
 * two that apply. Years count only as far as the background is related to the job: ten years as a nurse are
 * not ten years of backend engineering.
 */
final class ExperienceFit {

    /** The levels a job's seniority and a candidate's title map to, by index, as a recruiter reads them. */
    static final List<String> LEVEL_NAMES =
            List.of("intern", "entry level", "mid level", "senior", "lead or manager", "director", "executive");

    private static final Pattern EXECUTIVE = Pattern.compile("\\b(chief|cto|ceo|cfo|coo|cio|president|founder)\\b");
    private static final Pattern DIRECTOR = Pattern.compile("\\b(director|vp|vice president)\\b");
    private static final Pattern LEAD = Pattern.compile("\\b(lead|principal|staff|architect|manager|head)\\b");
    private static final Pattern SENIOR = Pattern.compile("\\b(senior|sr)\\b");
    private static final Pattern ENTRY = Pattern.compile("\\b(junior|jr|graduate|trainee|entry|associate)\\b");
    private static final Pattern INTERN = Pattern.compile("\\b(intern|internship|apprentice)\\b");

    private ExperienceFit() {}

    /**
     * @param relevance how related the candidate's background is to the job (0–1), or null when unknown: the
     *     fit is multiplied by it
     */
    static Fit of(JobFacts job, CandidateFacts candidate, Double relevance) {
        List<Double> parts = new ArrayList<>();
        List<String> details = new ArrayList<>();
        Double years = candidate.years();
        if (job.minYears() != null && job.minYears() > 0 && years != null) {
            parts.add(years >= job.minYears() ? 1.0 : years / job.minYears());
            details.add(String.format(Locale.ROOT, "%.1f years (asks %d+)", years, job.minYears()));
        }
        Integer jobLevel = level(job.seniority());
        if (jobLevel != null) {
            int candidateLevel = candidateLevel(candidate);
            parts.add(Math.max(0, 1 - 0.35 * Math.abs(jobLevel - candidateLevel)));
            details.add(LEVEL_NAMES.get(candidateLevel) + " for a "
                    + job.seniority().toLowerCase(Locale.ROOT) + " role");
        }
        if (parts.isEmpty()) {
            return Fit.notApplicable(
                    years == null ? "years of experience unknown" : "the job asks for no experience level");
        }
        double fit = parts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (relevance != null && relevance < 1) {
            details.add(String.format(
                    Locale.ROOT,
                    "counted at %d%%: that is how related the background is",
                    Math.round(relevance * 100)));
            fit *= relevance;
        }
        return Fit.of(fit, String.join("; ", details));
    }

    /** A job's seniority as a level (an index of {@link #LEVEL_NAMES}); null if unknown. */
    static Integer level(String seniority) {
        if (seniority == null) {
            return null;
        }
        return switch (seniority) {
            case "INTERN" -> 0;
            case "ENTRY" -> 1;
            case "MID" -> 2;
            case "SENIOR" -> 3;
            case "LEAD", "MANAGER" -> 4;
            case "DIRECTOR" -> 5;
            case "EXECUTIVE" -> 6;
            default -> null;
        };
    }

    /** From the current title's words, else from years of experience (none known: entry level). */
    static int candidateLevel(CandidateFacts candidate) {
        String title =
                candidate.currentTitle() == null ? "" : candidate.currentTitle().toLowerCase(Locale.ROOT);
        if (EXECUTIVE.matcher(title).find()) {
            return 6;
        }
        if (DIRECTOR.matcher(title).find()) {
            return 5;
        }
        if (LEAD.matcher(title).find()) {
            return 4;
        }
        if (SENIOR.matcher(title).find()) {
            return 3;
        }
        if (INTERN.matcher(title).find()) {
            return 0;
        }
        if (ENTRY.matcher(title).find()) {
            return 1;
        }
        double years = candidate.years() == null ? 0 : candidate.years();
        return years < 2 ? 1 : years < 5 ? 2 : years < 9 ? 3 : 4;
    }
}
