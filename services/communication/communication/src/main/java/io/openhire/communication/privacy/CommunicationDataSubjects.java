package io.openhire.communication.privacy;

import io.openhire.communication.consent.Suppressions;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.client.SubjectSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Data-subject requests for communication: what it holds of a person found by their email addresses and phone
 * numbers (never their name), in one organisation.
 *
 * <ul>
 *   <li>their messages: written to them (to their address or number) or by them (from it), calls logged with
 *       their number, and the rest of the conversations of the candidates those addresses belong to (a reply
 *       they sent from another address, a call logged without a number); the copies of their interview
 *       invitations sent to the recruiter (found by the calendar's UID);
 *   <li>their interviews (their address, or one of those candidates), with slots and reminders;
 *   <li>send requests (idempotency records) that answered with their messages;
 *   <li>their marketing consent, and their address on the suppression list;
 *   <li>mentions of their address or number in other people's messages (the subject or text).
 * </ul>
 *
 * Erasure deletes all of it except two things: a mention in someone else's message is replaced by
 * {@code [erased]} (the message is theirs), and a suppression is kept as a keyed hash of the address instead of
 * the address, so that a person who asked not to be written to (or whose address bounced) still is not. Nothing
 * here is announced: communication has no deletion event, and its events name no address.
 */
@Component
class CommunicationDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(CommunicationDataSubjects.class);
    private static final int CHUNK = 1_000;

    /** A message is the person's when it went to their address or number, or came from it. */
    private static final String ADDRESSED =
            """
            ((direction = 'OUTBOUND' AND (lower(to_address) IN (:emails)
                    OR (channel <> 'EMAIL' AND %s)))
             OR (direction = 'INBOUND' AND (lower(from_address) IN (:emails)
                    OR (channel <> 'EMAIL' AND %s))))
            """.formatted(SubjectSql.phone("to_address"), SubjectSql.phone("from_address"));

    /** What the service holds of one person in one organisation. */
    private record Found(
            List<UUID> candidates,
            List<UUID> messages,
            List<UUID> interviews,
            List<UUID> mentions,
            List<String> sendRequests,
            List<String> consents,
            List<String> suppressed) {

        int total() {
            return messages.size()
                    + interviews.size()
                    + mentions.size()
                    + sendRequests.size()
                    + consents.size()
                    + suppressed.size();
        }
    }

    private final JdbcClient jdbc;
    private final Suppressions suppressions;

    CommunicationDataSubjects(JdbcClient jdbc, Suppressions suppressions) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
    }

    @Override
    public SubjectAnswer access(UUID org, DataSubject subject) {
        Found found = find(org, subject);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "messages",
                rows(
                        found.messages(),
                        ids -> jdbc.sql("""
                        SELECT * FROM message WHERE organization_id = :org AND id IN (:ids) ORDER BY created_at, id
                        """)
                                .param("org", org)
                                .param("ids", ids)
                                .query(CommunicationDataSubjects::message)
                                .list()));
        data.put(
                "interviews",
                rows(
                        found.interviews(),
                        ids -> jdbc.sql("""
                        SELECT * FROM interview WHERE organization_id = :org AND id IN (:ids) ORDER BY created_at, id
                        """)
                                .param("org", org)
                                .param("ids", ids)
                                .query((rs, i) -> interview(rs))
                                .list()));
        // someone else's message that names them: when, not the other person's words
        data.put(
                "mentionedIn",
                rows(
                        found.mentions(),
                        ids -> jdbc.sql("""
                        SELECT id, direction, created_at FROM message
                        WHERE organization_id = :org AND id IN (:ids) ORDER BY created_at, id
                        """)
                                .param("org", org)
                                .param("ids", ids)
                                .query((rs, i) -> map(
                                        "messageId",
                                                rs.getObject("id", UUID.class).toString(),
                                        "direction", rs.getString("direction"),
                                        "createdAt", instant(rs, "created_at")))
                                .list()));
        data.put(
                "sendRequests",
                jdbc.sql("""
                        SELECT idempotency_key, created_at FROM send_request
                        WHERE organization_id = :org AND idempotency_key IN (:keys) ORDER BY created_at
                        """)
                        .param("org", org)
                        .param("keys", orNone(found.sendRequests()))
                        .query((rs, i) -> map(
                                "idempotencyKey",
                                rs.getString("idempotency_key"),
                                "receivedAt",
                                instant(rs, "created_at")))
                        .list());
        data.put(
                "marketingConsents",
                jdbc.sql("""
                        SELECT * FROM marketing_consent WHERE organization_id = :org AND address IN (:addresses)
                        ORDER BY address
                        """)
                        .param("org", org)
                        .param("addresses", orNone(found.consents()))
                        .query((rs, i) -> map(
                                "address", rs.getString("address"),
                                "granted", rs.getBoolean("granted"),
                                "source", rs.getString("source"),
                                "recordedAt", instant(rs, "recorded_at")))
                        .list());
        List<Map<String, Object>> suppressed = suppressions(org, subject);
        data.put("suppressions", suppressed);
        int hashed = (int) suppressed.stream()
                .filter(s -> "keyed hash".equals(s.get("keptAs")))
                .count();
        return new SubjectAnswer(found.total() + hashed, found.total(), data, List.of());
    }

    @Override
    public int erase(UUID org, DataSubject subject) {
        Found found = find(org, subject);
        int sendRequests = eraseSendRequests(org, found);
        int messages = inChunks(
                found.messages(),
                ids -> jdbc.sql("DELETE FROM message WHERE organization_id = :org AND id IN (:ids)")
                        .param("org", org)
                        .param("ids", ids)
                        .update());
        // slots and reminders go with their interview (ON DELETE CASCADE)
        int interviews = inChunks(
                found.interviews(),
                ids -> jdbc.sql("DELETE FROM interview WHERE organization_id = :org AND id IN (:ids)")
                        .param("org", org)
                        .param("ids", ids)
                        .update());
        int mentions = redactMentions(org, subject, found.mentions());
        int consents = jdbc.sql(
                        "DELETE FROM marketing_consent WHERE organization_id = :org AND address IN (:addresses)")
                .param("org", org)
                .param("addresses", orNone(found.consents()))
                .update();
        int suppressed = 0;
        for (String address : found.suppressed()) {
            suppressed += suppressions.keepOnlyHashed(org, address) ? 1 : 0;
        }
        log.info(
                "Erased a data subject in organisation {}: {} messages, {} interviews, {} mentions redacted,"
                        + " {} send requests, {} consents, {} suppressions kept only as a hash",
                org,
                messages,
                interviews,
                mentions,
                sendRequests,
                consents,
                suppressed);
        return messages + interviews + mentions + sendRequests + consents + suppressed;
    }

    @Override
    public int count(UUID org, DataSubject subject) {
        return find(org, subject).total();
    }

    private Found find(UUID org, DataSubject subject) {
        List<String> emails = SubjectSql.emails(subject);
        List<String> phoneTails = SubjectSql.phoneTails(subject);
        // The candidates (resumes) whose conversations are with these addresses, or whose interviews went to them.
        List<UUID> candidates = jdbc.sql("""
                        SELECT candidate_id FROM message
                        WHERE organization_id = :org AND candidate_id IS NOT NULL AND %s
                        UNION
                        SELECT candidate_id FROM interview WHERE organization_id = :org AND lower(candidate_email) IN (:emails)
                        """.formatted(ADDRESSED))
                .param("org", org)
                .param("emails", emails)
                .param("phoneTails", phoneTails)
                .query(UUID.class)
                .list();
        List<UUID> interviews = jdbc.sql("""
                        SELECT id FROM interview WHERE organization_id = :org
                          AND (lower(candidate_email) IN (:emails) OR candidate_id IN (:candidates))
                        """)
                .param("org", org)
                .param("emails", emails)
                .param("candidates", orNoId(candidates))
                .query(UUID.class)
                .list();
        // The recruiter's copies of their invitations carry the interview's UID ("<interview id>@openhire").
        List<UUID> messages = jdbc.sql("""
                        SELECT id FROM message WHERE organization_id = :org AND (%s
                            OR candidate_id IN (:candidates)
                            OR (calendar IS NOT NULL
                                AND CAST(substring(calendar FROM 'UID:([0-9a-f-]{36})@openhire') AS uuid)
                                    IN (:interviews)))
                        """.formatted(ADDRESSED))
                .param("org", org)
                .param("emails", emails)
                .param("phoneTails", phoneTails)
                .param("candidates", orNoId(candidates))
                .param("interviews", orNoId(interviews))
                .query(UUID.class)
                .list();
        Set<UUID> theirs = new HashSet<>(messages);
        List<UUID> mentions = mentionsIn(org, subject).stream()
                .filter(id -> !theirs.contains(id))
                .toList();
        List<String> messageIds = messages.stream().map(UUID::toString).toList();
        List<String> sendRequests = new ArrayList<>();
        if (!messages.isEmpty() || !candidates.isEmpty()) {
            sendRequests.addAll(jdbc.sql("""
                            SELECT idempotency_key FROM send_request WHERE organization_id = :org
                              AND (response ->> 'messageId' IN (:messages)
                                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(%s) r
                                              WHERE r ->> 'candidateId' IN (:candidates)
                                                 OR r ->> 'messageId' IN (:messages)))
                            """.formatted(RECIPIENTS))
                    .param("org", org)
                    .param("messages", orNone(messageIds))
                    .param(
                            "candidates",
                            orNone(candidates.stream().map(UUID::toString).toList()))
                    .query(String.class)
                    .list());
        }
        List<String> consents = jdbc.sql(
                        "SELECT address FROM marketing_consent WHERE organization_id = :org AND address IN (:emails)")
                .param("org", org)
                .param("emails", emails)
                .query(String.class)
                .list();
        // in clear only: an address kept as its hash is what erasure leaves on purpose
        List<String> suppressed = jdbc.sql("""
                        SELECT address FROM suppression WHERE organization_id = :org
                          AND (address IN (:emails) OR (address LIKE '+%%' AND %s))
                        """.formatted(SubjectSql.phone("address")))
                .param("org", org)
                .param("emails", emails)
                .param("phoneTails", phoneTails)
                .query(String.class)
                .list();
        return new Found(candidates, messages, interviews, mentions, sendRequests, consents, suppressed);
    }

    /** A bulk send's answer lists its recipients; a single send's has none (an empty list then). */
    private static final String RECIPIENTS =
            "CASE WHEN jsonb_typeof(response -> 'recipients') = 'array' THEN response -> 'recipients'"
                    + " ELSE '[]'::jsonb END";

    /** Messages whose subject or text names one of the person's addresses or numbers. */
    private List<UUID> mentionsIn(UUID org, DataSubject subject) {
        List<String> patterns = SubjectSql.mentions(subject);
        if (patterns.isEmpty()) {
            return List.of();
        }
        var query = jdbc.sql("SELECT id FROM message WHERE organization_id = :org AND "
                        + SubjectSql.mentioned(patterns.size(), "subject", "body"))
                .param("org", org);
        for (int i = 0; i < patterns.size(); i++) {
            query = query.param("m" + i, patterns.get(i));
        }
        return query.query(UUID.class).list();
    }

    private int redactMentions(UUID org, DataSubject subject, List<UUID> mentions) {
        List<String> patterns = SubjectSql.mentions(subject);
        return inChunks(mentions, ids -> {
            var update = jdbc.sql("UPDATE message SET subject = " + SubjectSql.redacted(patterns.size(), "subject")
                            + ", body = " + SubjectSql.redacted(patterns.size(), "body")
                            + " WHERE organization_id = :org AND id IN (:ids)")
                    .param("org", org)
                    .param("ids", ids);
            for (int i = 0; i < patterns.size(); i++) {
                update = update.param("m" + i, patterns.get(i));
            }
            return update.update();
        });
    }

    /**
     * A single send's idempotency record goes with its message. A bulk send's stays for the others (a retry with
     * its key must not send to all of them again) without the person's line.
     */
    private int eraseSendRequests(UUID org, Found found) {
        if (found.sendRequests().isEmpty()) {
            return 0;
        }
        List<String> messages =
                orNone(found.messages().stream().map(UUID::toString).toList());
        List<String> candidates =
                orNone(found.candidates().stream().map(UUID::toString).toList());
        int single = jdbc.sql("""
                        DELETE FROM send_request WHERE organization_id = :org AND idempotency_key IN (:keys)
                          AND jsonb_typeof(response -> 'recipients') IS DISTINCT FROM 'array'
                        """)
                .param("org", org)
                .param("keys", found.sendRequests())
                .update();
        int bulk = jdbc.sql("""
                        UPDATE send_request SET response = jsonb_set(response, '{recipients}', COALESCE(
                            (SELECT jsonb_agg(r ORDER BY n) FROM jsonb_array_elements(response -> 'recipients')
                                 WITH ORDINALITY AS e(r, n)
                             WHERE coalesce(r ->> 'candidateId', '') NOT IN (:candidates)
                               AND coalesce(r ->> 'messageId', '') NOT IN (:messages)),
                            '[]'::jsonb))
                        WHERE organization_id = :org AND idempotency_key IN (:keys)
                          AND jsonb_typeof(response -> 'recipients') = 'array'
                        """)
                .param("org", org)
                .param("keys", found.sendRequests())
                .param("candidates", candidates)
                .param("messages", messages)
                .update();
        return single + bulk;
    }

    /** The person's suppressions, in clear or (after an erasure) as a keyed hash of one of their addresses. */
    private List<Map<String, Object>> suppressions(UUID org, DataSubject subject) {
        Map<String, String> byHash = new LinkedHashMap<>();
        subject.emails().forEach(e -> byHash.put(suppressions.hashed(org, e), e));
        subject.phones().forEach(p -> byHash.put(suppressions.hashed(org, p), p));
        List<Map<String, Object>> found = new ArrayList<>(jdbc.sql("""
                        SELECT address, reason, created_at FROM suppression WHERE organization_id = :org
                          AND (address IN (:emails) OR (address LIKE '+%%' AND %s))
                        ORDER BY created_at
                        """.formatted(SubjectSql.phone("address")))
                .param("org", org)
                .param("emails", SubjectSql.emails(subject))
                .param("phoneTails", SubjectSql.phoneTails(subject))
                .query((rs, i) -> map(
                        "address", rs.getString("address"),
                        "reason", rs.getString("reason"),
                        "since", instant(rs, "created_at"),
                        "keptAs", "address"))
                .list());
        if (!byHash.isEmpty()) {
            found.addAll(jdbc.sql("""
                            SELECT address, reason, created_at FROM suppression
                            WHERE organization_id = :org AND address IN (:hashes) ORDER BY created_at
                            """)
                    .param("org", org)
                    .param("hashes", List.copyOf(byHash.keySet()))
                    .query((rs, i) -> map(
                            "address", byHash.get(rs.getString("address")),
                            "reason", rs.getString("reason"),
                            "since", instant(rs, "created_at"),
                            "keptAs", "keyed hash"))
                    .list());
        }
        return found;
    }

    private static Map<String, Object> message(ResultSet rs, int row) throws SQLException {
        return map(
                "id", rs.getObject("id", UUID.class).toString(),
                "direction", rs.getString("direction"),
                "channel", rs.getString("channel"),
                "kind", rs.getString("kind"),
                "from", rs.getString("from_address"),
                "to", rs.getString("to_address"),
                "subject", rs.getString("subject"),
                "body", rs.getString("body"),
                "calendar", rs.getString("calendar"),
                "status", rs.getString("status"),
                "statusReason", rs.getString("status_reason"),
                "createdAt", instant(rs, "created_at"),
                "sentAt", instant(rs, "sent_at"),
                "readAt", instant(rs, "read_at"));
    }

    private Map<String, Object> interview(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> slots = jdbc.sql(
                        "SELECT starts_at FROM interview_slot WHERE interview_id = :id ORDER BY starts_at")
                .param("id", id)
                .query((slot, i) -> instant(slot, "starts_at"))
                .list();
        return map(
                "id", id.toString(),
                "title", rs.getString("title"),
                "status", rs.getString("status"),
                "durationMinutes", rs.getInt("duration_minutes"),
                "timeZone", rs.getString("time_zone"),
                "location", rs.getString("location"),
                "slots", slots,
                "startsAt", instant(rs, "starts_at"),
                "candidateName", rs.getString("candidate_name"),
                "candidateEmail", rs.getString("candidate_email"),
                "organizerName", rs.getString("organizer_name"),
                "cancelReason", rs.getString("cancel_reason"),
                "createdAt", instant(rs, "created_at"));
    }

    /** The rows for a (possibly long) list of ids, a chunk at a time. */
    private static List<Map<String, Object>> rows(
            List<UUID> ids, Function<List<UUID>, List<Map<String, Object>>> query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            rows.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return rows;
    }

    private static int inChunks(List<UUID> ids, Function<List<UUID>, Integer> update) {
        int done = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            done += update.apply(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return done;
    }

    private static List<String> orNone(List<String> values) {
        return values.isEmpty() ? List.of(SubjectSql.NONE) : values;
    }

    private static List<UUID> orNoId(List<UUID> ids) {
        return ids.isEmpty() ? List.of(SubjectSql.NO_ID) : ids;
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant().toString();
    }

    /** A map keeping its order and its null values (what was not set is shown as such). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
