package io.openhire.applications.candidates;

import io.openhire.applications.client.NoteView;
import io.openhire.applications.events.NoteAdded;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a candidate or one of their applications. Mentioned colleagues are told through notification
 * ({@code application.note-added.v1}, written with the note).
 */
@Service
public class Notes {

    private static final int MAX_TEXT = 5_000;
    private static final int MAX_MENTIONS = 20;

    private final JdbcClient jdbc;
    private final Candidates candidates;
    private final Outbox outbox;
    private final Clock clock;

    Notes(JdbcClient jdbc, Candidates candidates, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<NoteView> of(UUID org, UUID candidateId) {
        UUID id = candidates.require(org, candidateId).id();
        return jdbc.sql(
                        "SELECT * FROM note WHERE organization_id = :org AND candidate_id = :id ORDER BY created_at DESC")
                .param("org", org)
                .param("id", id)
                .query(Notes::note)
                .list();
    }

    @Transactional
    public NoteView add(
            UUID org,
            UUID candidateId,
            UUID applicationId,
            String text,
            List<UUID> mentions,
            String actor,
            String authorName) {
        UUID candidate = candidates.require(org, candidateId).id();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_TEXT) {
            throw DomainException.invalidField("text", "1–" + MAX_TEXT + " characters");
        }
        if (mentions != null
                && (mentions.size() > MAX_MENTIONS || mentions.stream().anyMatch(java.util.Objects::isNull))) {
            throw DomainException.invalidField("mentions", "at most " + MAX_MENTIONS + " user ids");
        }
        if (applicationId != null) {
            boolean ofCandidate = jdbc.sql("""
                                    SELECT count(*) FROM application WHERE organization_id = :org AND id = :id
                                      AND candidate_id = :candidate
                                    """)
                            .param("org", org)
                            .param("id", applicationId)
                            .param("candidate", candidate)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!ofCandidate) {
                throw DomainException.invalidField("applicationId", "is not one of the candidate's applications");
            }
        }
        List<UUID> mentioned = mentions == null ? List.of() : List.copyOf(new LinkedHashSet<>(mentions));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO note (id, organization_id, candidate_id, application_id, body, mentions, author,
                            author_name, created_at)
                        VALUES (:id, :org, :candidate, :application, :body, :mentions, :author, :authorName, :now)
                        """)
                .param("id", id)
                .param("org", org)
                .param("candidate", candidate)
                .param("application", applicationId)
                .param("body", body)
                .param("mentions", mentioned.toArray(UUID[]::new))
                .param("author", actor)
                .param("authorName", authorName)
                .param("now", Timestamp.from(now))
                .update();
        if (!mentioned.isEmpty()) {
            outbox.publish(
                    NoteAdded.TOPIC,
                    candidate.toString(),
                    new NoteAdded(id, org, candidate, applicationId, mentioned, actor, now),
                    org);
        }
        return new NoteView(id, candidate, applicationId, body, mentioned, actor, authorName, now);
    }

    private static NoteView note(ResultSet rs, int row) throws SQLException {
        Array mentions = rs.getArray("mentions");
        return new NoteView(
                rs.getObject("id", UUID.class),
                rs.getObject("candidate_id", UUID.class),
                rs.getObject("application_id", UUID.class),
                rs.getString("body"),
                mentions == null ? List.of() : List.of((UUID[]) mentions.getArray()),
                rs.getString("author"),
                rs.getString("author_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
