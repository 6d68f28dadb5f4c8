package io.openhire.matching.matches;

import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.ranking.Explanation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ranked, explained list: candidates for a job ({@code JOB_TO_CANDIDATES}) or jobs for a candidate
 * ({@code CANDIDATE_TO_JOBS}). {@code runId} identifies it for feedback.
 *
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
     * @param resumeId the resume the score rests on; {@code resumeIds} all of the candidate's resumes
     * @param candidate who (job-to-candidates; name only when not blind or revealed)
     * @param job what (candidate-to-jobs)
     */
    public record Line(
            int rank,
            UUID candidateId,
            UUID resumeId,
            List<UUID> resumeIds,
            UUID jobId,
            double score,
            Map<ScoreCategory, Explanation.Category> breakdown,
            List<String> matchedRequiredSkills,
            List<String> missingRequiredSkills,
            List<String> matchedNiceToHaveSkills,
            List<Explanation.Evidence> evidence,
            CandidateView candidate,
            JobView job) {}

    /**
     * @param displayName the name, or "Candidate 3f2a9c" while blind
     * @param name null while blind and not revealed
     */
    public record CandidateView(
            String displayName, String name, boolean revealed, String currentTitle, Double years, String location) {}

    public record JobView(
            String title, String employer, String seniority, String workplace, String location, String status) {}
}
