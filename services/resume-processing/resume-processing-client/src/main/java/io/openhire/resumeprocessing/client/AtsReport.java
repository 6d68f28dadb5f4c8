package io.openhire.resumeprocessing.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a resume reads against a job, the way an applicant tracking system would score it, and what to
 * change. {@code score} is the sum of the category scores (0–100).
 *
 * @param breakdown the categories the score is made of, each with its maximum and an explanation
 * @param matchedSkills the job's skills the resume shows, heaviest first
 * @param missingSkills the job's skills the resume does not show, heaviest first
 * @param suggestions what to change, most valuable first
 */
public record AtsReport(
        UUID id,
        UUID resumeId,
        UUID jobId,
        String jobTitle,
        int score,
        List<Category> breakdown,
        List<SkillWeight> matchedSkills,
        List<SkillWeight> missingSkills,
        List<String> matchedKeywords,
        List<String> missingKeywords,
        List<String> suggestions,
        String parserVersion,
        Instant createdAt) {

    public record Category(String name, int score, int max, String detail) {}

    /** A job skill with its weight in the job: mentions, doubled when required rather than nice to have. */
    public record SkillWeight(String id, String name, int weight, boolean required) {}
}
