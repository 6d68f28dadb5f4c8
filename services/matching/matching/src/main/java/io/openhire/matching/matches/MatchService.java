package io.openhire.matching.matches;

import io.openhire.matching.MatchingProperties;
import io.openhire.matching.client.MatchList;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.index.Embeddings;
import io.openhire.matching.index.Generation;
import io.openhire.matching.index.MatchIndex;
import io.openhire.matching.index.OrgIndex;
import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.JobFacts;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import io.openhire.matching.ranking.Explanation;
import io.openhire.matching.ranking.RankerModel;
import io.openhire.matching.ranking.RankerModels;
import io.openhire.matching.ranking.Ranking;
import io.openhire.platform.errors.DomainException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ranked lists: reads the job (or candidate), the settings and the ranker, ranks over the organisation's
 * index, stores what is shown, and hides identities in blind mode.
 */
@Service
public class MatchService {

    public static final String JOB_TO_CANDIDATES = "JOB_TO_CANDIDATES";
    public static final String CANDIDATE_TO_JOBS = "CANDIDATE_TO_JOBS";

    private final JobStore jobs;
    private final CandidateStore candidates;
    private final MatchIndex index;
    private final Embeddings embeddings;
    private final RankerModels rankers;
    private final MatchSettings settings;
    private final MatchRuns runs;
    private final Reveals reveals;
    private final Ranking ranking;
    private final TransactionTemplate transactions;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchService(
            JobStore jobs,
            CandidateStore candidates,
            MatchIndex index,
            Embeddings embeddings,
            RankerModels rankers,
            MatchSettings settings,
            MatchRuns runs,
            Reveals reveals,
            TransactionTemplate transactions,
            JsonMapper json,
            MatchingProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.candidates = candidates;
        this.index = index;
        this.embeddings = embeddings;
        this.rankers = rankers;
        this.settings = settings;
        this.runs = runs;
        this.reveals = reveals;
        this.ranking = new Ranking(json);
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A job, or 404; 409 while its analysis has not arrived. */
    public JobStore.StoredJob job(UUID org, UUID jobId) {
        return jobs.find(org, jobId)
                .orElseThrow(() -> jobs.exists(org, jobId)
                        ? DomainException.conflict(
                                "job-not-analysed", "The job has not been analysed yet; matches follow in a moment.")
                        : DomainException.notFound("The job"));
    }

    /** Whether identities are hidden for this job: the job's setting, else the organisation's. */
    public boolean blind(UUID org, UUID jobId) {
        return settings.job(org, jobId)
                .map(MatchSettings.JobSetting::blind)
                .orElseGet(() -> settings.organizationBlind(org));
    }

    public MatchList candidatesForJob(UUID org, UUID jobId, int limit, Ranking.Mode mode, String actor) {
        checkLimit(limit);
        JobStore.StoredJob job = job(org, jobId);
        Generation generation = index.current();
        RankerModel model = rankers.current();
        Optional<MatchSettings.JobSetting> jobSetting = settings.job(org, jobId);
        Map<ScoreCategory, Double> overrides =
                jobSetting.map(MatchSettings.JobSetting::weights).orElse(null);
        Map<ScoreCategory, Double> weights = model.weightsWith(overrides);
        boolean blind =
                jobSetting.map(MatchSettings.JobSetting::blind).orElseGet(() -> settings.organizationBlind(org));
        Optional<OrgIndex> orgIndex = generation.existing(org);
        List<Ranking.Ranked> ranked = List.of();
        int indexed = 0;
        if (orgIndex.isPresent()) {
            float[] vector = embeddings.stored(org, SourceChanged.Kind.JOB, jobId, generation.embeddingVersion());
            ranked = ranking.candidatesForJob(
                    orgIndex.get().candidates(), job.facts(), job.searchText(), vector, model, weights, mode, limit);
            indexed = orgIndex.get().candidates().count();
        }
        Set<UUID> revealed = blind ? reveals.revealed(org, jobId) : Set.of();
        List<UUID> candidateIds =
                ranked.stream().map(Ranking.Ranked::candidateId).toList();
        Map<UUID, List<UUID>> resumeIds = candidates.resumesOf(org, candidateIds);
        Map<UUID, CandidateStore.Identity> identities = candidates.identities(
                org,
                candidateIds.stream()
                        .filter(c -> !blind || revealed.contains(c))
                        .toList());
        List<MatchList.Line> lines = new ArrayList<>();
        for (Ranking.Ranked r : ranked) {
            CandidateFacts facts = (CandidateFacts) r.facts();
            CandidateStore.Identity identity = identities.get(r.candidateId());
            String name = identity == null ? null : identity.name();
            boolean shown = name != null;
            lines.add(line(
                    lines.size() + 1,
                    r.candidateId(),
                    r.id(),
                    resumeIds.getOrDefault(r.candidateId(), List.of(r.id())),
                    jobId,
                    r,
                    new MatchList.CandidateView(
                            shown
                                    ? name
                                    : "Candidate " + r.candidateId().toString().substring(0, 6),
                            shown ? name : null,
                            blind && revealed.contains(r.candidateId()),
                            facts.currentTitle(),
                            facts.years(),
                            facts.location() == null ? null : facts.location().toString()),
                    null));
        }
        UUID runId =
                store(org, JOB_TO_CANDIDATES, jobId, mode, model, generation, weights, blind, actor, lines, ranked);
        return new MatchList(
                runId,
                JOB_TO_CANDIDATES,
                jobId,
                null,
                mode.name(),
                blind,
                models(model, generation),
                weights,
                overrides == null ? "MODEL" : "JOB",
                indexed,
                lines);
    }

    /** Jobs for a candidate, ranked on their newest resume. */
    public MatchList jobsForCandidate(UUID org, UUID candidateId, int limit, Ranking.Mode mode, String actor) {
        checkLimit(limit);
        List<UUID> resumes = candidates.resumesOf(org, candidateId);
        CandidateStore.StoredCandidate candidate = resumes.isEmpty()
                ? null
                : candidates.find(org, resumes.getFirst()).orElse(null);
        if (candidate == null) {
            throw DomainException.notFound("The candidate");
        }
        return jobsFor(org, candidate, resumes, limit, mode, actor);
    }

    /** Jobs for one resume of a candidate. */
    public MatchList jobsForResume(UUID org, UUID resumeId, int limit, Ranking.Mode mode, String actor) {
        checkLimit(limit);
        CandidateStore.StoredCandidate candidate =
                candidates.find(org, resumeId).orElseThrow(() -> DomainException.notFound("The resume"));
        return jobsFor(
                org, candidate, candidates.resumesOf(org, candidate.facts().candidateId()), limit, mode, actor);
    }

    private MatchList jobsFor(
            UUID org,
            CandidateStore.StoredCandidate candidate,
            List<UUID> resumes,
            int limit,
            Ranking.Mode mode,
            String actor) {
        UUID candidateId = candidate.facts().candidateId();
        Generation generation = index.current();
        RankerModel model = rankers.current();
        RankedJobs rankedJobs = rankJobs(generation, model, org, candidate, limit, mode);
        List<Ranking.Ranked> ranked = rankedJobs.ranked();
        int indexed = rankedJobs.indexed();
        List<MatchList.Line> lines = new ArrayList<>();
        for (Ranking.Ranked r : ranked) {
            JobFacts job = (JobFacts) r.facts();
            lines.add(line(
                    lines.size() + 1,
                    candidateId,
                    candidate.facts().resumeId(),
                    resumes,
                    job.jobId(),
                    r,
                    null,
                    new MatchList.JobView(
                            job.title(),
                            job.employer(),
                            job.seniority(),
                            job.workplace(),
                            job.locations().isEmpty()
                                    ? null
                                    : job.locations().getFirst().toString(),
                            job.status())));
        }
        UUID runId = store(
                org,
                CANDIDATE_TO_JOBS,
                candidateId,
                mode,
                model,
                generation,
                model.weights(),
                false,
                actor,
                lines,
                ranked);
        return new MatchList(
                runId,
                CANDIDATE_TO_JOBS,
                null,
                candidateId,
                mode.name(),
                false,
                models(model, generation),
                model.weights(),
                "MODEL",
                indexed,
                lines);
    }

    /** Jobs ranked for a candidate, and how many jobs the organisation's index holds. */
    private record RankedJobs(List<Ranking.Ranked> ranked, int indexed) {}

    private RankedJobs rankJobs(
            Generation generation,
            RankerModel model,
            UUID org,
            CandidateStore.StoredCandidate candidate,
            int limit,
            Ranking.Mode mode) {
        return rankJobs(generation, model, org, candidate, resumeVector(generation, org, candidate), limit, mode);
    }

    /** The same, with the resume's vector already read (null: ranked by its words). */
    private RankedJobs rankJobs(
            Generation generation,
            RankerModel model,
            UUID org,
            CandidateStore.StoredCandidate candidate,
            float[] vector,
            int limit,
            Ranking.Mode mode) {
        Optional<OrgIndex> orgIndex = generation.existing(org);
        if (orgIndex.isEmpty()) {
            return new RankedJobs(List.of(), 0);
        }
        return new RankedJobs(
                ranking.jobsForCandidate(
                        orgIndex.get().jobs(), candidate.facts(), candidate.searchText(), vector, model, mode, limit),
                orgIndex.get().jobs().count());
    }

    /** The resume's stored vector for the generation's embedding model, or null (none yet, or no model). */
    private float[] resumeVector(Generation generation, UUID org, CandidateStore.StoredCandidate candidate) {
        return embeddings.stored(
                org, SourceChanged.Kind.RESUME, candidate.facts().resumeId(), generation.embeddingVersion());
    }

    /** A job a resume ranks high for. */
    public record StrongMatch(UUID jobId, double score) {}

    /**
     * The open jobs this resume scores at least {@code floor} for (at most {@code limit}), ranked as a
     * recruiter would see them, without recording a list (nobody was shown it). Empty (not ready) while the
     * index is being built after a start, or while the resume's vector is still being computed and
     * {@code waitForVector} holds: the resume would be ranked by its words alone.
     */
    public Optional<List<StrongMatch>> strongMatches(
            UUID org, CandidateStore.StoredCandidate candidate, double floor, int limit, boolean waitForVector) {
        Generation generation;
        try {
            generation = index.current();
        } catch (DomainException starting) {
            return Optional.empty();
        }
        float[] vector = resumeVector(generation, org, candidate); // read once: the wait and the ranking use it
        if (waitForVector && generation.embeddingVersion() != 0 && vector == null) {
            return Optional.empty();
        }
        return Optional.of(
                rankJobs(generation, rankers.current(), org, candidate, vector, limit, Ranking.Mode.HYBRID)
                        .ranked()
                        .stream()
                        .filter(r -> r.score() >= floor && ((JobFacts) r.facts()).offered())
                        .map(r -> new StrongMatch(r.id(), r.score()))
                        .toList());
    }

    /** A line of a list: who and what, the score and its explanation, and the view of the other side. */
    private static MatchList.Line line(
            int rank,
            UUID candidateId,
            UUID resumeId,
            List<UUID> resumeIds,
            UUID jobId,
            Ranking.Ranked ranked,
            MatchList.CandidateView candidate,
            MatchList.JobView job) {
        Explanation e = ranked.explanation();
        return new MatchList.Line(
                rank,
                candidateId,
                resumeId,
                resumeIds,
                jobId,
                ranked.score(),
                e.breakdown(),
                e.matchedRequiredSkills(),
                e.missingRequiredSkills(),
                e.matchedNiceToHaveSkills(),
                e.evidence(),
                candidate,
                job);
    }

    private UUID store(
            UUID org,
            String direction,
            UUID subject,
            Ranking.Mode mode,
            RankerModel model,
            Generation generation,
            Map<ScoreCategory, Double> weights,
            boolean blind,
            String actor,
            List<MatchList.Line> lines,
            List<Ranking.Ranked> ranked) {
        UUID runId = UUID.randomUUID();
        MatchRuns.Run run = new MatchRuns.Run(
                runId,
                org,
                direction,
                subject,
                mode.name(),
                model.version(),
                embeddingVersion(generation),
                weights,
                blind,
                actor,
                clock.instant());
        List<MatchRuns.Shown> shown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MatchList.Line line = lines.get(i);
            shown.add(new MatchRuns.Shown(
                    line.rank(),
                    line.jobId(),
                    line.candidateId(),
                    line.resumeId(),
                    line.score(),
                    ranked.get(i).explanation().features()));
        }
        transactions.executeWithoutResult(status -> runs.record(run, shown));
        return runId;
    }

    static Integer embeddingVersion(Generation generation) {
        return generation.embeddingVersion() == 0 ? null : generation.embeddingVersion();
    }

    private static MatchList.Models models(RankerModel model, Generation generation) {
        return new MatchList.Models(
                new MatchList.ModelRef(RankerModel.NAME, model.version()),
                new MatchList.ModelRef("text-embedding", embeddingVersion(generation)),
                generation.id());
    }

    private void checkLimit(int limit) {
        if (limit < 1 || limit > properties.maxLimit()) {
            throw DomainException.invalidField("limit", "must be from 1 to " + properties.maxLimit());
        }
    }
}
