package io.openhire.communication.inbox;

import io.openhire.communication.client.InboxPage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Conversations with candidates: messages grouped by candidate, the latest activity first. */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param query words in subjects, bodies or addresses (all must occur), or null
     * @param unreadOnly only conversations with unread replies
     */
    public InboxPage page(UUID org, String query, boolean unreadOnly, int page, int size) {
        String like =
                query == null || query.isBlank() ? null : io.openhire.platform.jdbc.SqlFilter.containing(query.strip());
        String sql = """
                WITH conversation AS (
                    SELECT candidate_id, count(*) AS messages,
                           count(*) FILTER (WHERE direction = 'INBOUND' AND read_at IS NULL) AS unread,
                           max(created_at) AS last_at,
                           (array_agg(direction ORDER BY created_at DESC))[1] AS last_direction,
                           (array_agg(subject ORDER BY created_at DESC))[1] AS last_subject,
                           (array_agg(CASE WHEN direction = 'OUTBOUND' THEN to_address ELSE from_address END
                               ORDER BY created_at DESC))[1] AS address,
                           bool_or(:like::text IS NULL OR subject ILIKE :like OR body ILIKE :like
                               OR to_address ILIKE :like OR from_address ILIKE :like) AS hit
                    FROM message WHERE organization_id = :org AND candidate_id IS NOT NULL
                    GROUP BY candidate_id)
                SELECT *, count(*) OVER () AS total FROM conversation
                WHERE hit AND (NOT :unreadOnly OR unread > 0)
                ORDER BY last_at DESC, candidate_id LIMIT :limit OFFSET :offset
                """;
        long[] total = {0};
        List<InboxPage.Conversation> rows = jdbc.sql(sql)
                .param("org", org)
                .param("like", like)
                .param("unreadOnly", unreadOnly)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> {
                    total[0] = rs.getLong("total");
                    return new InboxPage.Conversation(
                            rs.getObject("candidate_id", UUID.class),
                            rs.getString("address"),
                            rs.getInt("messages"),
                            rs.getInt("unread"),
                            rs.getString("last_direction"),
                            rs.getString("last_subject"),
                            rs.getTimestamp("last_at").toInstant());
                })
                .list();
        if (rows.isEmpty() && page > 0) {
            total[0] = page(org, query, unreadOnly, 0, 1).total();
        }
        return new InboxPage(rows, total[0], page, size);
    }

    /** Marks the candidate's replies read; answers how many were unread. */
    public int markRead(UUID org, UUID candidateId) {
        return jdbc.sql("""
                        UPDATE message SET read_at = :now
                        WHERE organization_id = :org AND candidate_id = :candidate AND direction = 'INBOUND'
                            AND read_at IS NULL
                        """)
                .param("org", org)
                .param("candidate", candidateId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
