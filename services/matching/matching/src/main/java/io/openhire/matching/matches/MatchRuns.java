package io.openhire.matching.matches;

import io.openhire.matching.events.ScoreCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The match lists shown to recruiters, line by line, for joining feedback to what was seen. */
@Repository
public class MatchRuns {

    public record Run(
            UUID id,
            UUID organizationId,
            String direction,
            UUID subjectId,
            String mode,
            Integer rankerVersion,
            Integer embeddingVersion,
            Map<ScoreCategory, Double> weights,
            boolean blind,
            String requestedBy,
            Instant createdAt) {}

    public record Shown(
            int rank, UUID jobId, UUID candidateId, UUID resumeId, double score, Map<ScoreCategory, Double> features) {}

    /** A line as it was shown, with its run's model versions. */
    public record ShownLine(UUID runId, Shown line, Integer rankerVersion, Integer embeddingVersion) {}

    private static final TypeReference<Map<ScoreCategory, Double>> FEATURES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MatchRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(Run run, List<Shown> lines) {
        jdbc.sql("""
                        INSERT INTO match_run (id, organization_id, direction, subject_id, mode, ranker_version,
                            embedding_version, weights, blind, requested_by, created_at)
                        VALUES (:id, :org, :direction, :subject, :mode, :ranker, :embedding, CAST(:weights AS jsonb),
                            :blind, :by, :at)
                        """)
                .param("id", run.id())
                .param("org", run.organizationId())
                .param("direction", run.direction())
                .param("subject", run.subjectId())
                .param("mode", run.mode())
                .param("ranker", run.rankerVersion())
                .param("embedding", run.embeddingVersion())
                .param("weights", json.writeValueAsString(run.weights()))
                .param("blind", run.blind())
                .param("by", run.requestedBy())
                .param("at", java.sql.Timestamp.from(run.createdAt()))
                .update();
        for (Shown line : lines) {
            jdbc.sql("""
                            INSERT INTO match_shown (run_id, rank, organization_id, job_id, candidate_id, resume_id,
                                score, features)
                            VALUES (:run, :rank, :org, :job, :candidate, :resume, :score, CAST(:features AS jsonb))
                            """)
                    .param("run", run.id())
                    .param("rank", line.rank())
                    .param("org", run.organizationId())
                    .param("job", line.jobId())
                    .param("candidate", line.candidateId())
                    .param("resume", line.resumeId())
                    .param("score", line.score())
                    .param("features", json.writeValueAsString(line.features()))
                    .update();
        }
    }

    /** The latest line that showed this candidate for this job (in either direction), if any. */
    public Optional<ShownLine> latestShown(UUID org, UUID jobId, UUID candidateId) {
        return jdbc.sql("""
                        SELECT s.run_id, s.rank, s.job_id, s.candidate_id, s.resume_id, s.score, s.features::text AS features,
                               r.ranker_version, r.embedding_version
                        FROM match_shown s JOIN match_run r ON r.id = s.run_id
                        WHERE s.organization_id = :org AND s.job_id = :job AND s.candidate_id = :candidate
                        ORDER BY r.created_at DESC LIMIT 1
                        """)
                .param("org", org)
                .param("job", jobId)
                .param("candidate", candidateId)
                .query((rs, i) -> new ShownLine(
                        rs.getObject("run_id", UUID.class),
                        new Shown(
                                rs.getInt("rank"),
                                rs.getObject("job_id", UUID.class),
                                rs.getObject("candidate_id", UUID.class),
                                rs.getObject("resume_id", UUID.class),
                                rs.getDouble("score"),
                                json.readValue(rs.getString("features"), FEATURES)),
                        (Integer) rs.getObject("ranker_version"),
                        (Integer) rs.getObject("embedding_version")))
                .optional();
    }
}
