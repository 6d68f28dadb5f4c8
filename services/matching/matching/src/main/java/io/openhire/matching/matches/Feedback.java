package io.openhire.matching.matches;

import io.openhire.matching.client.Outcome;
import io.openhire.matching.client.RecordedFeedback;
import io.openhire.matching.events.MatchFeedbackRecorded;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.index.Embeddings;
import io.openhire.matching.index.Generation;
import io.openhire.matching.index.MatchIndex;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import io.openhire.matching.ranking.Explanation;
import io.openhire.matching.ranking.MatchFeatures;
import io.openhire.matching.ranking.RankerModel;
import io.openhire.matching.ranking.RankerModels;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.util.VectorUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recruiters' feedback, joined to the match as it was shown (the latest list that showed the pair), or,
 * for a pair never shown, to the match as it stands now; stored and announced as {@code match.feedback.v1}.
 */
@Service
public class Feedback {

    private static final TypeReference<Map<ScoreCategory, Double>> FEATURES = new TypeReference<>() {};

    private final MatchRuns runs;
    private final MatchService matches;
    private final CandidateStore candidates;
    private final MatchIndex index;
    private final Embeddings embeddings;
    private final RankerModels rankers;
    private final MatchSettings settings;
    private final Reveals reveals;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Feedback(
            MatchRuns runs,
            MatchService matches,
            CandidateStore candidates,
            MatchIndex index,
            Embeddings embeddings,
            RankerModels rankers,
            MatchSettings settings,
            Reveals reveals,
            Outbox outbox,
            JdbcClient jdbc,
            JsonMapper json,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.matches = matches;
        this.candidates = candidates;
        this.index = index;
        this.embeddings = embeddings;
        this.rankers = rankers;
        this.settings = settings;
        this.reveals = reveals;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    public RecordedFeedback record(
            UUID org, UUID jobId, UUID candidateId, Outcome outcome, String reason, String actor) {
        JobStore.StoredJob job = matches.job(org, jobId);
        List<UUID> resumes = candidates.resumesOf(org, candidateId);
        if (resumes.isEmpty()) {
            throw DomainException.notFound("The candidate");
        }
        Optional<MatchRuns.ShownLine> shown = runs.latestShown(org, jobId, candidateId);
        UUID resumeId;
        double score;
        Map<ScoreCategory, Double> features;
        Integer rankerVersion;
        Integer embeddingVersion;
        if (shown.isPresent()) {
            MatchRuns.Shown line = shown.get().line();
            resumeId = line.resumeId();
            score = line.score();
            features = line.features();
            rankerVersion = shown.get().rankerVersion();
            embeddingVersion = shown.get().embeddingVersion();
        } else {
            // Never shown (the recruiter found the candidate elsewhere): the match as the current models see it.
            resumeId = resumes.getFirst();
            CandidateStore.StoredCandidate candidate =
                    candidates.find(org, resumeId).orElseThrow(() -> DomainException.notFound("The candidate"));
            Generation generation = index.current();
            int version = generation.embeddingVersion();
            float[] jobVector = embeddings.stored(org, SourceChanged.Kind.JOB, jobId, version);
            float[] resumeVector = embeddings.stored(org, SourceChanged.Kind.RESUME, resumeId, version);
            Double cosine = jobVector == null || resumeVector == null
                    ? null
                    : (double) VectorUtil.dotProduct(jobVector, resumeVector);
            RankerModel model = rankers.current();
            Map<ScoreCategory, Double> weights = model.weightsWith(settings.job(org, jobId)
                    .map(MatchSettings.JobSetting::weights)
                    .orElse(null));
            Explanation explanation = MatchFeatures.explain(
                    new MatchFeatures.JobSide(job.facts()), candidate.facts(), candidate.searchText(), cosine, weights);
            score = explanation.total();
            features = explanation.features();
            rankerVersion = model.version();
            embeddingVersion = version == 0 ? null : version;
        }
        RecordedFeedback recorded = new RecordedFeedback(
                UUID.randomUUID(),
                jobId,
                candidateId,
                resumeId,
                outcome,
                reason,
                shown.map(MatchRuns.ShownLine::runId).orElse(null),
                shown.map(s -> s.line().rank()).orElse(null),
                score,
                features,
                rankerVersion,
                embeddingVersion,
                clock.instant());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO match_feedback (id, organization_id, job_id, candidate_id, resume_id, outcome, reason,
                                run_id, rank, score, features, ranker_version, embedding_version, actor, created_at)
                            VALUES (:id, :org, :job, :candidate, :resume, :outcome, :reason, :run, :rank, :score,
                                CAST(:features AS jsonb), :ranker, :embedding, :actor, :at)
                            """)
                    .param("id", recorded.id())
                    .param("org", org)
                    .param("job", jobId)
                    .param("candidate", candidateId)
                    .param("resume", resumeId)
                    .param("outcome", outcome.name())
                    .param("reason", reason)
                    .param("run", recorded.runId())
                    .param("rank", recorded.rank())
                    .param("score", score)
                    .param("features", json.writeValueAsString(features))
                    .param("ranker", rankerVersion)
                    .param("embedding", embeddingVersion)
                    .param("actor", actor)
                    .param("at", java.sql.Timestamp.from(recorded.recordedAt()))
                    .update();
            outbox.publish(
                    MatchFeedbackRecorded.TOPIC,
                    jobId.toString(),
                    new MatchFeedbackRecorded(
                            recorded.id(),
                            org,
                            jobId,
                            candidateId,
                            resumeId,
                            outcome.name(),
                            reason,
                            recorded.runId(),
                            recorded.rank(),
                            score,
                            features,
                            rankerVersion,
                            embeddingVersion,
                            actor,
                            recorded.recordedAt()),
                    org);
        });
        return recorded;
    }

    /** The job's feedback, newest first. */
    public List<RecordedFeedback> forJob(UUID org, UUID jobId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM match_feedback WHERE organization_id = :org AND job_id = :job
                        ORDER BY created_at DESC LIMIT :limit
                        """)
                .param("org", org)
                .param("job", jobId)
                .param("limit", limit)
                .query((rs, i) -> new RecordedFeedback(
                        rs.getObject("id", UUID.class),
                        rs.getObject("job_id", UUID.class),
                        rs.getObject("candidate_id", UUID.class),
                        rs.getObject("resume_id", UUID.class),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("reason"),
                        rs.getObject("run_id", UUID.class),
                        (Integer) rs.getObject("rank"),
                        rs.getDouble("score"),
                        json.readValue(rs.getString("features"), FEATURES),
                        (Integer) rs.getObject("ranker_version"),
                        (Integer) rs.getObject("embedding_version"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Reveals a candidate's identity for a job (blind mode): recorded and announced once per pair. */
    public CandidateStore.Identity reveal(UUID org, UUID jobId, UUID candidateId, String actor) {
        matches.job(org, jobId);
        CandidateStore.Identity identity =
                candidates.identity(org, candidateId).orElseThrow(() -> DomainException.notFound("The candidate"));
        transactions.executeWithoutResult(status -> reveals.reveal(org, jobId, candidateId, actor, clock.instant()));
        return identity;
    }
}
