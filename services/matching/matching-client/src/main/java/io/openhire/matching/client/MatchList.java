package io.openhire.matching.client;

import io.openhire.matching.events.ScoreCategory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ranked, explained list, as matching builds and answers it: candidates for a job ({@code
 * JOB_TO_CANDIDATES}) or jobs for a candidate ({@code CANDIDATE_TO_JOBS}).
 *
 * @param runId identifies the list, for feedback
 * @param mode {@code HYBRID} or {@code BM25}
 * @param blind names hidden until revealed
 * @param models the model versions that produced it (embedding version null: the index had no vectors)
 * @param weights the category weights used; {@code weightsFrom} {@code MODEL} or {@code JOB}
 * @param indexed how many resumes (or jobs) the organisation's index holds
 */
public record MatchList(
        UUID runId,
        String direction,
        UUID jobId,
        UUID candidateId,
        String mode,
        boolean blind,
        Models models,
        Map<ScoreCategory, Double> weights,
        String weightsFrom,
        int indexed,
        List<Line> matches) {

    public record Models(ModelRef ranker, ModelRef embedding, String indexGeneration) {}

    public record ModelRef(String name, Integer version) {}

    /**
     * One candidate (or job) of the list.
     *
     * @param resumeId the resume the score rests on; {@code resumeIds} all of the candidate's resumes
     * @param score 0–100
     * @param breakdown the score by category, in {@link ScoreCategory} order
     * @param evidence resume lines that show the matched skills
     * @param candidate who (job-to-candidates; the name only when not blind or revealed)
     * @param job what (candidate-to-jobs)
     */
    public record Line(
            int rank,
            UUID candidateId,
            UUID resumeId,
            List<UUID> resumeIds,
            UUID jobId,
            double score,
            Map<ScoreCategory, Category> breakdown,
            List<String> matchedRequiredSkills,
            List<String> missingRequiredSkills,
            List<String> matchedNiceToHaveSkills,
            List<Evidence> evidence,
            CandidateView candidate,
            JobView job) {}

    /**
     * One category of a score.
     *
     * @param score 0–1, or null when the category does not apply (nothing to compare): its weight went to the
     *     others
     * @param weight the weight it counted with
     * @param detail why, in a sentence ("4 of 5 required skills")
     */
    public record Category(Double score, double weight, String detail) {}

    /** A resume line that supports a matched skill. */
    public record Evidence(String skill, String line) {}

    /**
     * @param displayName the name, or "Candidate 3f2a9c" while blind
     * @param name null while blind and not revealed
     * @param years of experience, when the resume says
     */
    public record CandidateView(
            String displayName, String name, boolean revealed, String currentTitle, Double years, String location) {}

    public record JobView(
            String title, String employer, String seniority, String workplace, String location, String status) {}
}
