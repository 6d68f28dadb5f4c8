package io.openhire.applications.retention;

import io.openhire.applications.client.InactiveCandidate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a retention rule reaches: candidates whose last activity — their record changed, a resume parsed, an
 * application made or moved — is older than the cutoff, unless they consented to be kept in the talent pool. Only
 * people who can be found by email or phone: that is how an erasure request finds them in every service.
 */
@Component
public class InactiveCandidates {

    private final JdbcClient jdbc;

    InactiveCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InactiveCandidate> since(UUID organizationId, Instant before, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.email, c.phone,
                               GREATEST(c.updated_at,
                                        COALESCE(max(a.stage_entered_at), c.updated_at),
                                        COALESCE(max(a.created_at), c.updated_at),
                                        COALESCE(max(r.parsed_at), c.updated_at)) AS last_activity
                        FROM candidate c
                        LEFT JOIN application a ON a.candidate_id = c.id
                        LEFT JOIN candidate_resume r ON r.candidate_id = c.id
                        WHERE c.organization_id = :org AND c.merged_into IS NULL
                          AND (c.email IS NOT NULL OR c.phone IS NOT NULL)
                          AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.candidate_id = c.id
                                          AND k.purpose = 'TALENT_POOL' AND k.withdrawn_at IS NULL)
                        GROUP BY c.id
                        HAVING GREATEST(c.updated_at,
                                        COALESCE(max(a.stage_entered_at), c.updated_at),
                                        COALESCE(max(a.created_at), c.updated_at),
                                        COALESCE(max(r.parsed_at), c.updated_at)) < :before
                        ORDER BY last_activity
                        LIMIT :limit
                        """)
                .param("org", organizationId)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query((rs, n) -> new InactiveCandidate(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getTimestamp("last_activity").toInstant()))
                .list();
    }
}
