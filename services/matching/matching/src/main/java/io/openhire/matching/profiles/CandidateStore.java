package io.openhire.matching.profiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

/** Candidate resumes as matching keeps them; every query is scoped to an organisation. */
@Repository
public class CandidateStore {

    /** A resume with the text matching searches (identity already removed from it). */
    public record StoredCandidate(UUID organizationId, CandidateFacts facts, String searchText) {}

    /** Who the candidate is: shown when the match is not blind, or after a reveal. */
    public record Identity(String name, List<String> emails, List<String> phones) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CandidateStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private StoredCandidate storedCandidate(ResultSet rs, int row) throws SQLException {
        return new StoredCandidate(
                rs.getObject("organization_id", UUID.class),
                json.readValue(rs.getString("facts"), CandidateFacts.class),
                rs.getString("search_text"));
    }

    /** The revision stored for a resume, or -1; {@code Integer.MAX_VALUE} when the resume was deleted. */
    int storedRevision(UUID resumeId) {
        boolean deleted = jdbc.sql("SELECT count(*) FROM deleted_resume WHERE resume_id = :id")
                        .param("id", resumeId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (deleted) {
            return Integer.MAX_VALUE;
        }
        return jdbc.sql("SELECT revision FROM candidate_resume WHERE resume_id = :id")
                .param("id", resumeId)
                .query(Integer.class)
                .optional()
                .orElse(-1);
    }

    /**
     * Leaves a new resume for {@code StrongMatches}, which announces the jobs it ranks high for once it is
     * searchable (call in the transaction that stores the resume).
     */
    void awaitStrongMatches(UUID org, UUID resumeId, Instant now) {
        jdbc.sql("""
                        INSERT INTO strong_match_check (resume_id, organization_id, stored_at, due_at)
                        VALUES (:id, :org, :now, :now) ON CONFLICT DO NOTHING
                        """)
                .param("id", resumeId)
                .param("org", org)
                .param("now", Timestamp.from(now))
                .update();
    }

    void save(UUID org, CandidateFacts facts, String searchText, Identity identity, Instant now) {
        jdbc.sql("""
                        INSERT INTO candidate_resume (resume_id, organization_id, candidate_id, revision, facts, search_text, updated_at)
                        VALUES (:id, :org, :candidate, :revision, CAST(:facts AS jsonb), :text, :now)
                        ON CONFLICT (resume_id) DO UPDATE SET candidate_id = EXCLUDED.candidate_id,
                            revision = EXCLUDED.revision, facts = EXCLUDED.facts, search_text = EXCLUDED.search_text,
                            updated_at = EXCLUDED.updated_at
                        WHERE candidate_resume.organization_id = EXCLUDED.organization_id
                        """)
                .param("id", facts.resumeId())
                .param("org", org)
                .param("candidate", facts.candidateId())
                .param("revision", facts.revision())
                .param("facts", json.writeValueAsString(facts))
                .param("text", searchText)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("""
                        INSERT INTO candidate_identity (resume_id, organization_id, name, emails, phones)
                        VALUES (:id, :org, :name, CAST(:emails AS jsonb), CAST(:phones AS jsonb))
                        ON CONFLICT (resume_id) DO UPDATE SET name = EXCLUDED.name, emails = EXCLUDED.emails,
                            phones = EXCLUDED.phones
                        """)
                .param("id", facts.resumeId())
                .param("org", org)
                .param("name", identity.name())
                .param("emails", json.writeValueAsString(identity.emails()))
                .param("phones", json.writeValueAsString(identity.phones()))
                .update();
    }

    /**
     * Deletes the resume, its identity and vectors; remembers the id so that a late event is ignored. On
     * resume.deleted.v1, and for a data subject's erasure (privacy.MatchingDataSubjects).
     *
     * @return the rows deleted (the resume with its identity counts once, and each vector)
     */
    public int delete(UUID org, UUID resumeId, Instant now) {
        int deleted = jdbc.sql("DELETE FROM candidate_resume WHERE organization_id = :org AND resume_id = :id")
                .param("org", org)
                .param("id", resumeId)
                .update();
        deleted += jdbc.sql("DELETE FROM embedding WHERE kind = 'RESUME' AND organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", resumeId)
                .update();
        jdbc.sql("""
                        INSERT INTO deleted_resume (resume_id, organization_id, deleted_at) VALUES (:id, :org, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", resumeId)
                .param("org", org)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        return deleted;
    }

    public Optional<StoredCandidate> find(UUID org, UUID resumeId) {
        return jdbc.sql("""
                        SELECT organization_id, facts::text AS facts, search_text FROM candidate_resume
                        WHERE organization_id = :org AND resume_id = :id
                        """)
                .param("org", org)
                .param("id", resumeId)
                .query(this::storedCandidate)
                .optional();
    }

    /** Several resumes of the organisation, by id (missing ones are absent), in one query. */
    public Map<UUID, StoredCandidate> findAll(UUID org, Collection<UUID> resumeIds) {
        Map<UUID, StoredCandidate> found = new HashMap<>();
        if (resumeIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT organization_id, facts::text AS facts, search_text FROM candidate_resume
                        WHERE organization_id = :org AND resume_id IN (:ids)
                        """)
                .param("org", org)
                .param("ids", List.copyOf(resumeIds))
                .query(this::storedCandidate)
                .list()
                .forEach(c -> found.put(c.facts().resumeId(), c));
        return found;
    }

    /** A candidate's resumes, newest parse first. */
    public List<UUID> resumesOf(UUID org, UUID candidateId) {
        return jdbc.sql("""
                        SELECT resume_id FROM candidate_resume WHERE organization_id = :org AND candidate_id = :candidate
                        ORDER BY updated_at DESC, resume_id
                        """)
                .param("org", org)
                .param("candidate", candidateId)
                .query(UUID.class)
                .list();
    }

    /** The resumes of several candidates (newest first each), in one query. */
    public Map<UUID, List<UUID>> resumesOf(UUID org, Collection<UUID> candidateIds) {
        Map<UUID, List<UUID>> resumes = new HashMap<>();
        if (candidateIds.isEmpty()) {
            return resumes;
        }
        jdbc.sql("""
                        SELECT candidate_id, resume_id FROM candidate_resume
                        WHERE organization_id = :org AND candidate_id IN (:candidates)
                        ORDER BY updated_at DESC, resume_id
                        """)
                .param("org", org)
                .param("candidates", List.copyOf(candidateIds))
                .query((rs, i) -> resumes.computeIfAbsent(
                                rs.getObject("candidate_id", UUID.class), c -> new ArrayList<>())
                        .add(rs.getObject("resume_id", UUID.class)))
                .list();
        return resumes;
    }

    /** The identities of several candidates (from each one's newest resume), in one query. */
    public Map<UUID, Identity> identities(UUID org, Collection<UUID> candidateIds) {
        Map<UUID, Identity> identities = new HashMap<>();
        if (candidateIds.isEmpty()) {
            return identities;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (r.candidate_id) r.candidate_id, i.name, i.emails::text AS emails,
                               i.phones::text AS phones
                        FROM candidate_identity i JOIN candidate_resume r ON r.resume_id = i.resume_id
                        WHERE r.organization_id = :org AND r.candidate_id IN (:candidates)
                        ORDER BY r.candidate_id, r.updated_at DESC
                        """)
                .param("org", org)
                .param("candidates", List.copyOf(candidateIds))
                .query((rs, i) -> identities.put(
                        rs.getObject("candidate_id", UUID.class),
                        new Identity(
                                rs.getString("name"),
                                List.of(json.readValue(rs.getString("emails"), String[].class)),
                                List.of(json.readValue(rs.getString("phones"), String[].class)))))
                .list();
        return identities;
    }

    public Optional<Identity> identity(UUID org, UUID candidateId) {
        return jdbc.sql("""
                        SELECT i.name, i.emails::text AS emails, i.phones::text AS phones
                        FROM candidate_identity i JOIN candidate_resume r ON r.resume_id = i.resume_id
                        WHERE r.organization_id = :org AND r.candidate_id = :candidate
                        ORDER BY r.updated_at DESC LIMIT 1
                        """)
                .param("org", org)
                .param("candidate", candidateId)
                .query((rs, i) -> new Identity(
                        rs.getString("name"),
                        List.of(json.readValue(rs.getString("emails"), String[].class)),
                        List.of(json.readValue(rs.getString("phones"), String[].class))))
                .optional();
    }

    /** Every resume of the organisation, in pages of {@code pageSize}, for index builds. */
    public void forEach(UUID org, int pageSize, Consumer<List<StoredCandidate>> page) {
        UUID after = new UUID(0, 0); // the smallest uuid as PostgreSQL orders them
        while (true) {
            List<StoredCandidate> rows = jdbc.sql("""
                            SELECT organization_id, facts::text AS facts, search_text FROM candidate_resume
                            WHERE organization_id = :org AND resume_id > :after ORDER BY resume_id LIMIT :limit
                            """)
                    .param("org", org)
                    .param("after", after)
                    .param("limit", pageSize)
                    .query(this::storedCandidate)
                    .list();
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            after = rows.getLast().facts().resumeId();
        }
    }

    public int count(UUID org) {
        return jdbc.sql("SELECT count(*) FROM candidate_resume WHERE organization_id = :org")
                .param("org", org)
                .query(Integer.class)
                .single();
    }
}
