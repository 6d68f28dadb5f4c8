package io.openhire.matching.matches;

import io.openhire.matching.events.ScoreCategory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Blind mode and category weights, per organisation and per job. */
@Repository
public class MatchSettings {

    /** A job's own settings; a null field falls back to the organisation's (blind) or the model's (weights). */
    public record JobSetting(Boolean blind, Map<ScoreCategory, Double> weights, String updatedBy, Instant updatedAt) {}

    private static final TypeReference<Map<ScoreCategory, Double>> WEIGHTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MatchSettings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public boolean organizationBlind(UUID org) {
        return jdbc.sql("SELECT blind FROM match_setting WHERE organization_id = :org AND job_id IS NULL")
                .param("org", org)
                .query(Boolean.class)
                .optional()
                .map(Boolean.TRUE::equals)
                .orElse(false);
    }

    public Optional<JobSetting> job(UUID org, UUID jobId) {
        return jdbc.sql("""
                        SELECT blind, weights::text AS weights, updated_by, updated_at FROM match_setting
                        WHERE organization_id = :org AND job_id = :job
                        """)
                .param("org", org)
                .param("job", jobId)
                .query((rs, i) -> new JobSetting(
                        (Boolean) rs.getObject("blind"),
                        rs.getString("weights") == null ? null : json.readValue(rs.getString("weights"), WEIGHTS),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public void setOrganizationBlind(UUID org, boolean blind, String actor, Instant now) {
        save(org, null, blind, null, actor, now);
    }

    public void setJob(
            UUID org, UUID jobId, Boolean blind, Map<ScoreCategory, Double> weights, String actor, Instant now) {
        save(org, jobId, blind, weights, actor, now);
    }

    private void save(
            UUID org, UUID jobId, Boolean blind, Map<ScoreCategory, Double> weights, String actor, Instant now) {
        jdbc.sql("""
                        INSERT INTO match_setting (organization_id, job_id, blind, weights, updated_by, updated_at)
                        VALUES (:org, :job, :blind, CAST(:weights AS jsonb), :actor, :now)
                        ON CONFLICT (organization_id, COALESCE(job_id, '00000000-0000-0000-0000-000000000000'))
                        DO UPDATE SET blind = EXCLUDED.blind, weights = EXCLUDED.weights,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        """)
                .param("org", org)
                .param("job", jobId)
                .param("blind", blind)
                .param("weights", weights == null ? null : json.writeValueAsString(weights))
                .param("actor", actor)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }
}
