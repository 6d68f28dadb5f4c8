package io.openhire.matching.profiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs as matching keeps them: the analysis ({@code job.optimized.v1}) and the posting's text
 * ({@code job.ingested.v1}) arrive on two topics in either order; each keeps its highest revision.
 */
@Repository
public class JobStore {

    /** A job that can be matched (its analysis has arrived); {@code description} may still be missing. */
    public record StoredJob(UUID organizationId, JobFacts facts, String description) {

        /** What BM25 searches and the embedding reads: the title, the skills, the posting's text. */
        public String searchText() {
            StringBuilder text = new StringBuilder(facts.title() == null ? "" : facts.title());
            facts.requiredSkills().forEach(s -> text.append('\n').append(s.name()));
            facts.niceToHaveSkills().forEach(s -> text.append('\n').append(s.name()));
            if (description != null && !description.isBlank()) {
                text.append('\n').append(description);
            } else {
                facts.keywords().forEach(k -> text.append('\n').append(k));
            }
            return text.toString();
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private StoredJob storedJob(ResultSet rs, int row) throws SQLException {
        return new StoredJob(
                rs.getObject("organization_id", UUID.class),
                json.readValue(rs.getString("facts"), JobFacts.class),
                rs.getString("description"));
    }

    /**
     * @param analysedAt when job-processing analysed it: a revision is analysed again when another skill tagger is
     *     promoted, and the later analysis of one revision wins
     * @return whether the analysis was newer than the stored one
     */
    boolean saveAnalysis(UUID org, JobFacts facts, Instant analysedAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO job (job_id, organization_id, analysis_revision, analysed_at, facts, updated_at)
                        VALUES (:id, :org, :revision, :analysedAt, CAST(:facts AS jsonb), :now)
                        ON CONFLICT (job_id) DO UPDATE SET analysis_revision = EXCLUDED.analysis_revision,
                            analysed_at = EXCLUDED.analysed_at, facts = EXCLUDED.facts, updated_at = EXCLUDED.updated_at
                        WHERE job.organization_id = EXCLUDED.organization_id
                            AND (job.analysis_revision IS NULL OR job.analysis_revision < EXCLUDED.analysis_revision
                                OR (job.analysis_revision = EXCLUDED.analysis_revision
                                    AND (job.analysed_at IS NULL OR job.analysed_at < EXCLUDED.analysed_at)))
                        """)
                        .param("id", facts.jobId())
                        .param("org", org)
                        .param("revision", facts.revision())
                        .param("analysedAt", java.sql.Timestamp.from(analysedAt))
                        .param("facts", json.writeValueAsString(facts))
                        .param("now", java.sql.Timestamp.from(now))
                        .update()
                > 0;
    }

    /** @return whether the text was newer than the stored one */
    boolean saveText(UUID org, UUID jobId, int revision, String description, Instant now) {
        return jdbc.sql("""
                        INSERT INTO job (job_id, organization_id, text_revision, description, updated_at)
                        VALUES (:id, :org, :revision, :description, :now)
                        ON CONFLICT (job_id) DO UPDATE SET text_revision = EXCLUDED.text_revision,
                            description = EXCLUDED.description, updated_at = EXCLUDED.updated_at
                        WHERE job.organization_id = EXCLUDED.organization_id
                            AND (job.text_revision IS NULL OR job.text_revision < EXCLUDED.text_revision)
                        """)
                        .param("id", jobId)
                        .param("org", org)
                        .param("revision", revision)
                        .param("description", description)
                        .param("now", java.sql.Timestamp.from(now))
                        .update()
                > 0;
    }

    public Optional<StoredJob> find(UUID org, UUID jobId) {
        return jdbc.sql("""
                        SELECT organization_id, facts::text AS facts, description FROM job
                        WHERE organization_id = :org AND job_id = :id AND facts IS NOT NULL
                        """)
                .param("org", org)
                .param("id", jobId)
                .query(this::storedJob)
                .optional();
    }

    /** Several analysed jobs of the organisation, by id (missing or unanalysed ones are absent). */
    public Map<UUID, StoredJob> findAll(UUID org, Collection<UUID> jobIds) {
        Map<UUID, StoredJob> found = new HashMap<>();
        if (jobIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT organization_id, facts::text AS facts, description FROM job
                        WHERE organization_id = :org AND job_id IN (:ids) AND facts IS NOT NULL
                        """)
                .param("org", org)
                .param("ids", List.copyOf(jobIds))
                .query(this::storedJob)
                .list()
                .forEach(j -> found.put(j.facts().jobId(), j));
        return found;
    }

    /** Whether the organisation has the job at all (analysed or not yet). */
    public boolean exists(UUID org, UUID jobId) {
        return jdbc.sql("SELECT count(*) FROM job WHERE organization_id = :org AND job_id = :id")
                        .param("org", org)
                        .param("id", jobId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void forEach(UUID org, int pageSize, Consumer<List<StoredJob>> page) {
        UUID after = new UUID(0, 0); // the smallest uuid as PostgreSQL orders them
        while (true) {
            List<StoredJob> rows = jdbc.sql("""
                            SELECT organization_id, facts::text AS facts, description FROM job
                            WHERE organization_id = :org AND job_id > :after AND facts IS NOT NULL
                            ORDER BY job_id LIMIT :limit
                            """)
                    .param("org", org)
                    .param("after", after)
                    .param("limit", pageSize)
                    .query(this::storedJob)
                    .list();
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            after = rows.getLast().facts().jobId();
        }
    }

    /** Organisations with any candidate or job. */
    public List<UUID> organizations() {
        return jdbc.sql("""
                        SELECT organization_id FROM candidate_resume UNION SELECT organization_id FROM job
                        """).query(UUID.class).list();
    }
}
