package io.openhire.notification.follows;

import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobView;
import io.openhire.notification.NotificationProperties;
import io.openhire.notification.client.FollowedJob;
import io.openhire.notification.inbox.People;
import io.openhire.platform.errors.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The jobs people follow. Following asks job-ingestion for the job with the person's own token, so that only a
 * job of their organisation can be followed; its title is kept for the notifications.
 */
@Service
public class JobFollows {

    /** A follower of a job and the score from which a strong match is worth telling them. */
    public record Follower(UUID userId, double strongMatchScore, String title) {}

    private final JdbcClient jdbc;
    private final JobIngestionApi jobs;
    private final People people;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;

    JobFollows(
            JdbcClient jdbc,
            JobIngestionApi jobs,
            People people,
            TransactionTemplate transactions,
            NotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.people = people;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public List<FollowedJob> of(UUID org, UUID user) {
        return jdbc.sql("""
                        SELECT job_id, title, created_at FROM job_follow
                        WHERE organization_id = :org AND user_id = :user ORDER BY created_at DESC, job_id
                        """)
                .param("org", org)
                .param("user", user)
                .query(JobFollows::followed)
                .list();
    }

    private static FollowedJob followed(ResultSet rs, int row) throws SQLException {
        return new FollowedJob(
                rs.getObject("job_id", UUID.class),
                rs.getString("title"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Follows the job (again: the title is refreshed); 404 when the organisation has no such job. */
    public FollowedJob follow(UUID org, UUID user, UUID jobId) {
        JobView job;
        try {
            job = jobs.job(jobId); // the caller's token: another organisation's job is not found
        } catch (HttpClientErrorException.NotFound e) {
            throw DomainException.notFound("The job");
        }
        Instant now = clock.instant();
        return transactions.execute(status -> {
            people.save(org, user, null, null);
            // a repeat keeps its first time (followedAt) and takes the job's title as it is now
            return jdbc.sql("""
                            INSERT INTO job_follow (user_id, organization_id, job_id, title, created_at)
                            VALUES (:user, :org, :job, :title, :now)
                            ON CONFLICT (user_id, job_id) DO UPDATE SET title = :title
                            RETURNING job_id, title, created_at
                            """)
                    .param("user", user)
                    .param("org", org)
                    .param("job", jobId)
                    .param("title", job.title())
                    .param("now", Timestamp.from(now))
                    .query(JobFollows::followed)
                    .single();
        });
    }

    /** Stops following; answers whether the person followed it. */
    public boolean unfollow(UUID org, UUID user, UUID jobId) {
        return jdbc.sql("DELETE FROM job_follow WHERE organization_id = :org AND user_id = :user AND job_id = :job")
                        .param("org", org)
                        .param("user", user)
                        .param("job", jobId)
                        .update()
                > 0;
    }

    /** The people following a job, each with their strong-match score. */
    public List<Follower> followers(UUID org, UUID jobId) {
        return jdbc.sql("""
                        SELECT f.user_id, f.title, p.strong_match_score FROM job_follow f
                        JOIN notification_person p ON p.user_id = f.user_id
                        WHERE f.organization_id = :org AND f.job_id = :job
                        """)
                .param("org", org)
                .param("job", jobId)
                .query((rs, i) -> {
                    BigDecimal own = rs.getBigDecimal("strong_match_score");
                    return new Follower(
                            rs.getObject("user_id", UUID.class),
                            own == null ? properties.strongMatchScore() : own.doubleValue(),
                            rs.getString("title"));
                })
                .list();
    }
}
