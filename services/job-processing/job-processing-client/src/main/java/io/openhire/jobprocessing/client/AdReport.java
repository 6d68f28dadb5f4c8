package io.openhire.jobprocessing.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The review of a job ad, as job-processing writes it ({@code io.openhire.jobprocessing.report.AdReport};
 * job-processing's {@code AdReportClientTest} checks that this record reads every field of a real review).
 *
 * @param jobRevision the revision reviewed; null for a draft
 * @param score 0–100, the sum of the breakdown
 * @param breakdown the parts of the score ({@code completeness}, {@code length}, {@code readability},
 *     {@code inclusiveLanguage}, {@code keywordCoverage})
 * @param missingSections sections a complete ad has and this one lacks ({@code salary}, {@code benefits}…)
 * @param rewrite a structured version, field by field, each with why it changed
 * @param jsonLd schema.org JobPosting for Google for Jobs
 * @param jsonLdProblems Google's rules the JSON-LD still breaks (what the job lacks), empty when eligible
 */
public record AdReport(
        UUID jobId,
        Integer jobRevision,
        String title,
        int score,
        List<Category> breakdown,
        List<String> missingSections,
        Readability readability,
        InclusiveLanguage inclusiveLanguage,
        Keywords keywordCoverage,
        List<RewriteField> rewrite,
        JobPosting jsonLd,
        List<String> jsonLdProblems,
        String taxonomyVersion,
        Instant createdAt) {

    /** One part of the score: {@code score} of {@code max}, and the notes saying where points were lost. */
    public record Category(String name, int score, int max, List<String> notes) {}

    /**
     * Flesch Reading Ease of the ad's text.
     *
     * @param level {@code EASY} … {@code VERY_DIFFICULT}, or {@code EMPTY} for an ad without words
     */
    public record Readability(
            int words, int sentences, double averageSentenceWords, double fleschReadingEase, String level) {}

    /**
     * Gender-coded words (Gaucher, Friesen and Kay 2011) and phrases that exclude people.
     *
     * @param balance which way the coded words lean ({@code MASCULINE}, {@code FEMININE}, {@code NEUTRAL})
     */
    public record InclusiveLanguage(
            List<CodedWord> masculine,
            List<CodedWord> feminine,
            String balance,
            List<Finding> exclusionary,
            String source) {}

    public record CodedWord(String word, int count, List<String> alternatives) {}

    public record Finding(String phrase, String reason, String suggestion, String source) {}

    /**
     * What the ad asks for, as extracted from its text.
     *
     * @param titleTermsMissingFromText words of the title the text never uses
     */
    public record Keywords(
            List<Skill> requiredSkills,
            List<Skill> niceToHaveSkills,
            List<String> keywords,
            Integer minYearsExperience,
            String seniority,
            List<String> titleTermsMissingFromText) {}

    /**
     * A skill the ad asks for.
     *
     * @param id the skills taxonomy's id, or null for a phrase the taxonomy does not know
     * @param evidence the line of the ad it was found in
     */
    public record Skill(String id, String name, Importance importance, String evidence) {}

    public enum Importance {
        REQUIRED,
        NICE_TO_HAVE
    }

    /** One field of the rewrite: what the ad has, what is suggested, and why. */
    public record RewriteField(String field, String original, String suggested, String reason) {}
}
