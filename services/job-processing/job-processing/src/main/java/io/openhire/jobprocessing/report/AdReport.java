package io.openhire.jobprocessing.report;

import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.client.JobPosting;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The optimisation report of a job ad. Other services read it as job-processing-client's {@code AdReport}
 * (its {@code JobPosting} is the same record here and there; the rest is checked by {@code
 * AdReportClientTest}).
 *
 * @param score 0–100, the sum of the breakdown
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
        Readability.Result readability,
        InclusiveLanguage.Result inclusiveLanguage,
        Keywords keywordCoverage,
        List<RewriteField> rewrite,
        JobPosting jsonLd,
        List<String> jsonLdProblems,
        String taxonomyVersion,
        Instant createdAt) {

    public record Category(String name, int score, int max, List<String> notes) {}

    public record Keywords(
            List<SkillExtractor.ExtractedSkill> requiredSkills,
            List<SkillExtractor.ExtractedSkill> niceToHaveSkills,
            List<String> keywords,
            Integer minYearsExperience,
            String seniority,
            List<String> titleTermsMissingFromText) {}

    /** One field of the rewrite: what the ad has, what is suggested, and why. */
    public record RewriteField(String field, String original, String suggested, String reason) {}
}
