package io.openhire.resumeprocessing.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** resume_document and resume_profile; every read is scoped to one organisation. */
@Repository
public class ProfileStore {

    public record Document(
            UUID resumeId, UUID organizationId, String bucket, String objectKey, String mediaType, String sha256) {}

    public record StoredProfile(
            UUID resumeId,
            String status,
            String reason,
            int revision,
            String parserVersion,
            String taxonomyVersion,
            String profileJson,
            String text,
            int parseMillis,
            Instant parsedAt) {}

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveDocument(Document d, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO resume_document (resume_id, organization_id, bucket, object_key, media_type, sha256, received_at)
                        VALUES (:id, :org, :bucket, :key, :type, :sha, :at)
                        ON CONFLICT (resume_id) DO NOTHING
                        """)
                .param("id", d.resumeId())
                .param("org", d.organizationId())
                .param("bucket", d.bucket())
                .param("key", d.objectKey())
                .param("type", d.mediaType())
                .param("sha", d.sha256())
                .param("at", receivedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Forgets everything derived from the resume and remembers only that it was deleted: on resume.deleted.v1,
     * and for a data subject's erasure (privacy.ResumeProcessingDataSubjects).
     */
    public void erase(UUID organizationId, UUID resumeId, Instant deletedAt) {
        for (String table : List.of("ats_report", "resume_profile", "resume_document")) {
            jdbc.sql("DELETE FROM " + table + " WHERE organization_id = :org AND resume_id = :id")
                    .param("org", organizationId)
                    .param("id", resumeId)
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO deleted_resume (resume_id, organization_id, deleted_at) VALUES (:id, :org, :at)
                        ON CONFLICT (resume_id) DO NOTHING
                        """)
                .param("id", resumeId)
                .param("org", organizationId)
                .param("at", deletedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean deleted(UUID resumeId) {
        return jdbc.sql("SELECT count(*) FROM deleted_resume WHERE resume_id = :id")
                        .param("id", resumeId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Document> document(UUID organizationId, UUID resumeId) {
        return jdbc.sql("""
                        SELECT resume_id, organization_id, bucket, object_key, media_type, sha256
                        FROM resume_document WHERE organization_id = :org AND resume_id = :id
                        """)
                .param("org", organizationId)
                .param("id", resumeId)
                .query((rs, n) -> new Document(
                        rs.getObject("resume_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("bucket"),
                        rs.getString("object_key"),
                        rs.getString("media_type"),
                        rs.getString("sha256")))
                .optional();
    }

    /** Resumes of the organisation whose profile is missing or was built by another parser version. */
    List<UUID> outdated(UUID organizationId, String parserVersion, boolean all) {
        return jdbc.sql("""
                        SELECT d.resume_id FROM resume_document d
                        LEFT JOIN resume_profile p ON p.resume_id = d.resume_id
                        WHERE d.organization_id = :org AND (:all OR p.resume_id IS NULL OR p.parser_version <> :version)
                        ORDER BY d.received_at
                        """)
                .param("org", organizationId)
                .param("all", all)
                .param("version", parserVersion)
                .query(UUID.class)
                .list();
    }

    /** A resume to parse again, in its organisation. */
    record Queued(UUID resumeId, UUID organizationId) {}

    /**
     * Claims the parsed resumes a tagger other than {@code version} read and not yet queued for it, across every
     * organisation: each row is claimed once, so instances that all heard of the change split the work and never
     * queue a resume twice.
     */
    List<Queued> claimForTagger(int version) {
        return jdbc.sql("""
                        UPDATE resume_profile SET reparse_for_tagger = :version
                        WHERE status = 'PARSED' AND tagger_version IS DISTINCT FROM :version
                          AND reparse_for_tagger IS DISTINCT FROM :version
                        RETURNING resume_id, organization_id
                        """)
                .param("version", version)
                .query((rs, n) ->
                        new Queued(rs.getObject("resume_id", UUID.class), rs.getObject("organization_id", UUID.class)))
                .list();
    }

    int nextRevision(UUID resumeId) {
        return jdbc.sql("SELECT coalesce(max(revision), 0) + 1 FROM resume_profile WHERE resume_id = :id")
                .param("id", resumeId)
                .query(Integer.class)
                .single();
    }

    /** @param taggerVersion the resume tagger's registry version it was read with (null: the shipped one, unconfirmed) */
    void save(UUID organizationId, StoredProfile p, Integer taggerVersion) {
        jdbc.sql("""
                        INSERT INTO resume_profile (resume_id, organization_id, status, reason, revision, parser_version,
                                                    taxonomy_version, profile, text, parse_millis, parsed_at, tagger_version)
                        VALUES (:id, :org, :status, :reason, :revision, :parser, :taxonomy, CAST(:profile AS jsonb), :text,
                                :millis, :at, :tagger)
                        ON CONFLICT (resume_id) DO UPDATE SET
                            status = EXCLUDED.status, reason = EXCLUDED.reason, revision = EXCLUDED.revision,
                            parser_version = EXCLUDED.parser_version, taxonomy_version = EXCLUDED.taxonomy_version,
                            profile = EXCLUDED.profile, text = EXCLUDED.text, parse_millis = EXCLUDED.parse_millis,
                            parsed_at = EXCLUDED.parsed_at, tagger_version = EXCLUDED.tagger_version
                        """)
                .param("tagger", taggerVersion, java.sql.Types.INTEGER)
                .param("id", p.resumeId())
                .param("org", organizationId)
                .param("status", p.status())
                .param("reason", p.reason())
                .param("revision", p.revision())
                .param("parser", p.parserVersion())
                .param("taxonomy", p.taxonomyVersion())
                .param("profile", p.profileJson())
                .param("text", p.text())
                .param("millis", p.parseMillis())
                .param("at", p.parsedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<StoredProfile> profile(UUID organizationId, UUID resumeId) {
        return jdbc.sql("""
                        SELECT resume_id, status, reason, revision, parser_version, taxonomy_version, profile::text AS profile,
                               text, parse_millis, parsed_at
                        FROM resume_profile WHERE organization_id = :org AND resume_id = :id
                        """)
                .param("org", organizationId)
                .param("id", resumeId)
                .query(ProfileStore::map)
                .optional();
    }

    static StoredProfile map(ResultSet rs, int row) throws SQLException {
        return new StoredProfile(
                rs.getObject("resume_id", UUID.class),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getInt("revision"),
                rs.getString("parser_version"),
                rs.getString("taxonomy_version"),
                rs.getString("profile"),
                rs.getString("text"),
                rs.getInt("parse_millis"),
                rs.getObject("parsed_at", OffsetDateTime.class).toInstant());
    }
}
