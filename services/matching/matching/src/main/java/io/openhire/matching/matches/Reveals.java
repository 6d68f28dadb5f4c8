package io.openhire.matching.matches;

import io.openhire.matching.events.CandidateRevealed;
import io.openhire.platform.events.Outbox;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who was revealed for which job in blind mode: the first reveal is recorded and announced. */
@Repository
public class Reveals {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    Reveals(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public Set<UUID> revealed(UUID org, UUID jobId) {
        List<UUID> ids = jdbc.sql(
                        "SELECT candidate_id FROM candidate_reveal WHERE organization_id = :org AND job_id = :job")
                .param("org", org)
                .param("job", jobId)
                .query(UUID.class)
                .list();
        return new HashSet<>(ids);
    }

    /** Call inside a transaction: the row and the event commit together. */
    public void reveal(UUID org, UUID jobId, UUID candidateId, String actor, Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO candidate_reveal (organization_id, job_id, candidate_id, revealed_by, revealed_at)
                        VALUES (:org, :job, :candidate, :actor, :now) ON CONFLICT DO NOTHING
                        """)
                .param("org", org)
                .param("job", jobId)
                .param("candidate", candidateId)
                .param("actor", actor)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        if (inserted > 0) {
            outbox.publish(
                    CandidateRevealed.TOPIC,
                    jobId.toString(),
                    new CandidateRevealed(org, jobId, candidateId, actor, now),
                    org);
        }
    }
}
