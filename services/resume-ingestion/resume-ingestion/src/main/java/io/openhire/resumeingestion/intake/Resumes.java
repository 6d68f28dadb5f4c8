package io.openhire.resumeingestion.intake;

import io.openhire.platform.jdbc.Paged;
import io.openhire.platform.jdbc.SqlFilter;
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

/** The resume table; every query is scoped to one organisation. */
@Repository
public class Resumes {

    private static final String COLUMNS = """
            id, organization_id, status, status_reason, source, file_name, media_type, size_bytes, sha256,
            object_key, candidate_email, job_id, uploaded_by, mailbox_id, received_at, status_changed_at
            """;

    private final JdbcClient jdbc;

    Resumes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to list: all filters optional. */
    public record Filter(
            Resume.Status status, String source, Instant receivedFrom, Instant receivedTo, String uploadedBy) {}

    public record Page(List<Resume> items, long total) {}

    /**
     * @param candidateUpload a candidate's upload, unique among that candidate's own uploads only (the
     *     other resumes are unique in the organisation): see the indexes in V2
     */
    void insert(Resume r, boolean candidateUpload) {
        jdbc.sql("INSERT INTO resume (" + COLUMNS + """
                        , candidate_upload
                        ) VALUES (:id, :org, :status, :reason, :source, :fileName, :mediaType, :size, :sha256,
                                  :objectKey, :email, :jobId, :uploadedBy, :mailboxId, :receivedAt, :changedAt,
                                  :candidateUpload)
                        """)
                .param("id", r.id())
                .param("org", r.organizationId())
                .param("status", r.status().name())
                .param("reason", r.statusReason())
                .param("source", r.source())
                .param("fileName", r.fileName())
                .param("mediaType", r.mediaType())
                .param("size", r.sizeBytes())
                .param("sha256", r.sha256())
                .param("objectKey", r.objectKey())
                .param("email", r.candidateEmail())
                .param("jobId", r.jobId())
                .param("uploadedBy", r.uploadedBy())
                .param("mailboxId", r.mailboxId())
                .param("receivedAt", offset(r.receivedAt()))
                .param("changedAt", offset(r.statusChangedAt()))
                .param("candidateUpload", candidateUpload)
                .update();
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("DELETE FROM resume WHERE organization_id = :org AND id = :id")
                        .param("org", organizationId)
                        .param("id", id)
                        .update()
                > 0;
    }

    public Optional<Resume> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resume WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(Resumes::map)
                .optional();
    }

    /**
     * The organisation's resume of this file. Candidates may have their own copies of it too; the
     * organisation's own (not a candidate's) comes first, then the oldest.
     */
    public Optional<Resume> findBySha256(UUID organizationId, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM resume WHERE organization_id = :org AND sha256 = :sha
                        ORDER BY candidate_upload, received_at, id LIMIT 1
                        """)
                .param("org", organizationId)
                .param("sha", sha256)
                .query(Resumes::map)
                .optional();
    }

    /** The resume of this file that {@code uploadedBy} uploaded themselves. */
    public Optional<Resume> findOwnBySha256(UUID organizationId, String uploadedBy, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM resume WHERE organization_id = :org AND uploaded_by = :uploadedBy AND sha256 = :sha
                        ORDER BY received_at, id LIMIT 1
                        """)
                .param("org", organizationId)
                .param("uploadedBy", uploadedBy)
                .param("sha", sha256)
                .query(Resumes::map)
                .optional();
    }

    /**
     * The organisation's resumes sent in for one of these email addresses ({@code candidate_email}, compared
     * lower case and without surrounding spaces), oldest first: a data subject's resumes.
     *
     * @param emails lower case
     */
    public List<Resume> findByCandidateEmails(UUID organizationId, List<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM resume WHERE organization_id = :org AND lower(btrim(candidate_email)) IN (:emails)
                        ORDER BY received_at, id
                        """)
                .param("org", organizationId)
                .param("emails", emails)
                .query(Resumes::map)
                .list();
    }

    public Page list(UUID organizationId, Filter filter, int page, int size) {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", organizationId);
        if (filter.status() != null) {
            where.and("status = :status", "status", filter.status().name());
        }
        if (filter.source() != null) {
            where.and("source = :source", "source", filter.source());
        }
        if (filter.receivedFrom() != null) {
            where.and("received_at >= :from", "from", offset(filter.receivedFrom()));
        }
        if (filter.receivedTo() != null) {
            where.and("received_at < :to", "to", offset(filter.receivedTo()));
        }
        if (filter.uploadedBy() != null) {
            where.and("uploaded_by = :uploadedBy", "uploadedBy", filter.uploadedBy());
        }
        Paged<Resume> rows = where.page(jdbc, "resume", COLUMNS, "received_at DESC, id", page, size, Resumes::map);
        return new Page(rows.items(), rows.total());
    }

    /**
     * Applies resume-processing's outcome unless a newer one was applied already (events of one resume
     * can arrive out of order after a re-parse).
     */
    public boolean updateStatus(
            UUID organizationId, UUID id, Resume.Status status, String reason, int revision, Instant at) {
        return jdbc.sql("""
                        UPDATE resume SET status = :status, status_reason = :reason, status_revision = :revision,
                                          status_changed_at = :at
                        WHERE organization_id = :org AND id = :id AND status_revision <= :revision
                        """)
                        .param("status", status.name())
                        .param("reason", reason)
                        .param("revision", revision)
                        .param("at", offset(at))
                        .param("org", organizationId)
                        .param("id", id)
                        .update()
                > 0;
    }

    static Resume map(ResultSet rs, int row) throws SQLException {
        return new Resume(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                Resume.Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("source"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("object_key"),
                rs.getString("candidate_email"),
                rs.getObject("job_id", UUID.class),
                rs.getString("uploaded_by"),
                rs.getObject("mailbox_id", UUID.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getObject("status_changed_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
