package io.openhire.applications.jobs;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.errors.DomainException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The organisation's jobs as job-ingestion announced them: what may be applied to, and a board's title. */
@Service
public class Jobs {

    public record Job(UUID id, UUID organizationId, String title, String employer, String location, boolean open) {}

    /** A job as a career site shows it. */
    public record Posting(
            UUID id,
            String title,
            String employer,
            String location,
            String workplace,
            String employmentType,
            String description,
            java.time.Instant postedAt) {}

    private final JdbcClient jdbc;

    Jobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the newest revision of a job (an older one arriving late is ignored). */
    public void remember(JobIngested event) {
        String location = event.locations() == null
                ? null
                : event.locations().stream()
                        .map(l -> l.text() != null && !l.text().isBlank()
                                ? l.text()
                                : String.join(
                                        ", ",
                                        java.util.stream.Stream.of(l.city(), l.region(), l.country())
                                                .filter(p -> p != null && !p.isBlank())
                                                .toList()))
                        .filter(s -> !s.isBlank())
                        .distinct()
                        .collect(Collectors.joining(" · "));
        jdbc.sql("""
                        INSERT INTO job (job_id, organization_id, revision, status, title, employer, location,
                            description, workplace, employment_type, posted_at, updated_at)
                        VALUES (:id, :org, :revision, :status, :title, :employer, :location, :description, :workplace,
                            :employmentType, :postedAt, :at)
                        ON CONFLICT (job_id) DO UPDATE SET revision = excluded.revision, status = excluded.status,
                            title = excluded.title, employer = excluded.employer, location = excluded.location,
                            description = excluded.description, workplace = excluded.workplace,
                            employment_type = excluded.employment_type, posted_at = excluded.posted_at,
                            updated_at = excluded.updated_at
                        WHERE job.revision <= excluded.revision AND job.organization_id = excluded.organization_id
                        """)
                .param("id", event.jobId())
                .param("org", event.organizationId())
                .param("revision", event.revision())
                .param("status", "CLOSED".equals(event.status()) ? "CLOSED" : "OPEN")
                .param("title", event.title())
                .param("employer", event.employer())
                .param("location", location == null || location.isBlank() ? null : location)
                .param("description", event.description())
                .param("workplace", event.workplace())
                .param("employmentType", event.employmentType())
                .param("postedAt", event.postedAt() == null ? null : Timestamp.from(event.postedAt()))
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    public Optional<Job> find(UUID org, UUID jobId) {
        return jdbc.sql("SELECT * FROM job WHERE organization_id = :org AND job_id = :id")
                .param("org", org)
                .param("id", jobId)
                .query((rs, i) -> new Job(
                        rs.getObject("job_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("employer"),
                        rs.getString("location"),
                        "OPEN".equals(rs.getString("status"))))
                .optional();
    }

    /** The job, or a 404 that does not tell another organisation's job from none. */
    public Job require(UUID org, UUID jobId) {
        return find(org, jobId).orElseThrow(() -> DomainException.notFound("The job"));
    }

    /** The organisation's open jobs whose title, employer or place holds every word of {@code q}; newest first. */
    public java.util.List<Posting> open(UUID org, String q, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM job WHERE organization_id = :org AND status = 'OPEN'");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("org", org);
        if (q != null) {
            int i = 0;
            for (String word : q.strip().split("\\s+")) {
                if (word.isEmpty() || i >= 8) {
                    continue;
                }
                sql.append(" AND (title || ' ' || COALESCE(employer, '') || ' ' || COALESCE(location, '')) ILIKE :w")
                        .append(i);
                params.put("w" + i, io.openhire.platform.jdbc.SqlFilter.containing(word));
                i++;
            }
        }
        sql.append(" ORDER BY COALESCE(posted_at, updated_at) DESC, job_id LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Jobs::posting).list();
    }

    /** An open job of the organisation as its career site shows it. */
    public java.util.Optional<Posting> openPosting(UUID org, UUID jobId) {
        return jdbc.sql("SELECT * FROM job WHERE organization_id = :org AND job_id = :id AND status = 'OPEN'")
                .param("org", org)
                .param("id", jobId)
                .query(Jobs::posting)
                .optional();
    }

    private static Posting posting(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp posted = rs.getTimestamp("posted_at");
        return new Posting(
                rs.getObject("job_id", UUID.class),
                rs.getString("title"),
                rs.getString("employer"),
                rs.getString("location"),
                rs.getString("workplace"),
                rs.getString("employment_type"),
                rs.getString("description"),
                posted == null ? null : posted.toInstant());
    }
}
