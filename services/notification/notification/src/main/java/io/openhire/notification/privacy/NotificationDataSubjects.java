package io.openhire.notification.privacy;

import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.client.SubjectSql;
import java.math.BigDecimal;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Data-subject requests for notification, which holds two kinds of people, found by their email addresses and
 * phone numbers (never their name), in one organisation:
 *
 * <ul>
 *   <li>a staff member, by the address their emails go to ({@code notification_person}) or went to
 *       ({@code notification_email}): their settings, followed jobs, notifications for them alone, what they read,
 *       and the emails composed for them;
 *   <li>anyone whose address or number is written in a notification (an announcement's words) or in an email
 *       composed from it: those mentions.
 * </ul>
 *
 * Erasure deletes the staff member's rows and replaces each mention in a notification or email of others with
 * {@code [erased]} (the notification is for everyone; only the person's part of it goes). The notifications the
 * platform's events make about candidates hold no address, number or name (a link with the candidate's id only), so
 * they are not found here; they go with the retention period. Nothing is announced: the service publishes no
 * deletions.
 */
@Component
class NotificationDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(NotificationDataSubjects.class);

    /**
     * What the service holds of one person in one organisation.
     *
     * @param people the staff members (user ids) the person's addresses belong to
     * @param persons how many of them still have their row (address, score, watermarks)
     */
    private record Found(
            List<UUID> people,
            int persons,
            int settings,
            int follows,
            List<UUID> notifications,
            int reads,
            List<UUID> emails,
            List<UUID> mentioningNotifications,
            List<UUID> mentioningEmails) {

        int total() {
            return persons
                    + settings
                    + follows
                    + notifications.size()
                    + reads
                    + emails.size()
                    + mentioningNotifications.size()
                    + mentioningEmails.size();
        }
    }

    /** The person's read marks: on the organisation's notifications, and on those for everyone on the platform. */
    private static final String READS = """
            FROM notification_read WHERE user_id IN (:people) AND notification_id IN (
                SELECT id FROM notification WHERE organization_id = :org OR organization_id IS NULL)
            """;

    private final JdbcClient jdbc;

    NotificationDataSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubjectAnswer access(UUID org, DataSubject subject) {
        Found found = find(org, subject);
        List<UUID> people = orNoId(found.people());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "people",
                jdbc.sql("""
                        SELECT * FROM notification_person WHERE organization_id = :org AND user_id IN (:people)
                        """)
                        .param("org", org)
                        .param("people", people)
                        .query((rs, i) -> {
                            BigDecimal score = rs.getBigDecimal("strong_match_score");
                            return map(
                                    "userId",
                                            rs.getObject("user_id", UUID.class).toString(),
                                    "email", rs.getString("email"),
                                    "strongMatchScore", score == null ? null : score.doubleValue(),
                                    "instantEmailsUpTo", instant(rs, "instant_up_to"),
                                    "dailyEmailsUpTo", instant(rs, "daily_up_to"));
                        })
                        .list());
        data.put(
                "settings",
                jdbc.sql("""
                        SELECT * FROM notification_setting WHERE organization_id = :org AND user_id IN (:people)
                        ORDER BY user_id, type
                        """)
                        .param("org", org)
                        .param("people", people)
                        .query((rs, i) -> map(
                                "userId", rs.getObject("user_id", UUID.class).toString(),
                                "type", rs.getString("type"),
                                "inApp", rs.getBoolean("in_app"),
                                "email", rs.getString("email")))
                        .list());
        data.put(
                "followedJobs",
                jdbc.sql("""
                        SELECT * FROM job_follow WHERE organization_id = :org AND user_id IN (:people)
                        ORDER BY created_at
                        """)
                        .param("org", org)
                        .param("people", people)
                        .query((rs, i) -> map(
                                "jobId", rs.getObject("job_id", UUID.class).toString(),
                                "title", rs.getString("title"),
                                "followedAt", instant(rs, "created_at")))
                        .list());
        data.put(
                "notifications",
                jdbc.sql("""
                        SELECT * FROM notification WHERE organization_id = :org AND id IN (:ids) ORDER BY created_at
                        """)
                        .param("org", org)
                        .param("ids", orNoId(found.notifications()))
                        .query((rs, i) -> map(
                                "id", rs.getObject("id", UUID.class).toString(),
                                "type", rs.getString("type"),
                                "title", rs.getString("title"),
                                "text", rs.getString("body"),
                                "link", rs.getString("link"),
                                "createdAt", instant(rs, "created_at")))
                        .list());
        data.put(
                "read",
                jdbc.sql("SELECT notification_id, read_at " + READS + " ORDER BY read_at")
                        .param("org", org)
                        .param("people", people)
                        .query((rs, i) -> map(
                                "notificationId",
                                        rs.getObject("notification_id", UUID.class)
                                                .toString(),
                                "readAt", instant(rs, "read_at")))
                        .list());
        data.put(
                "emails",
                jdbc.sql("""
                        SELECT * FROM notification_email WHERE organization_id = :org AND id IN (:ids)
                        ORDER BY created_at
                        """)
                        .param("org", org)
                        .param("ids", orNoId(found.emails()))
                        .query((rs, i) -> map(
                                "id", rs.getObject("id", UUID.class).toString(),
                                "to", rs.getString("to_address"),
                                "subject", rs.getString("subject"),
                                "body", rs.getString("body"),
                                "composedAt", instant(rs, "created_at"),
                                "sentAt", instant(rs, "sent_at"),
                                "failedAt", instant(rs, "failed_at")))
                        .list());
        // someone else's notification or email that names them: which and when, not the others' words
        List<Map<String, Object>> mentions = new ArrayList<>();
        mentions.addAll(jdbc.sql("""
                        SELECT id, created_at FROM notification WHERE organization_id = :org AND id IN (:ids)
                        ORDER BY created_at
                        """)
                .param("org", org)
                .param("ids", orNoId(found.mentioningNotifications()))
                .query((rs, i) -> map(
                        "notificationId", rs.getObject("id", UUID.class).toString(),
                        "createdAt", instant(rs, "created_at")))
                .list());
        mentions.addAll(jdbc.sql("""
                        SELECT id, created_at FROM notification_email WHERE organization_id = :org AND id IN (:ids)
                        ORDER BY created_at
                        """)
                .param("org", org)
                .param("ids", orNoId(found.mentioningEmails()))
                .query((rs, i) -> map(
                        "emailId", rs.getObject("id", UUID.class).toString(), "composedAt", instant(rs, "created_at")))
                .list());
        data.put("mentionedIn", mentions);
        return new SubjectAnswer(found.total(), found.total(), data, List.of());
    }

    @Override
    public int erase(UUID org, DataSubject subject) {
        Found found = find(org, subject);
        List<UUID> people = orNoId(found.people());
        // The person row first: the email composer locks it while it writes an email, so once it is deleted no
        // new email of theirs can appear; the rest is deleted by who it belongs to, not by what was found before.
        int persons = jdbc.sql("DELETE FROM notification_person WHERE organization_id = :org AND user_id IN (:people)")
                .param("org", org)
                .param("people", people)
                .update();
        int settings = jdbc.sql(
                        "DELETE FROM notification_setting WHERE organization_id = :org AND user_id IN (:people)")
                .param("org", org)
                .param("people", people)
                .update();
        int follows = jdbc.sql("DELETE FROM job_follow WHERE organization_id = :org AND user_id IN (:people)")
                .param("org", org)
                .param("people", people)
                .update();
        // their own notifications (their read marks go with them), then their marks on everyone's
        int notifications = jdbc.sql("DELETE FROM notification WHERE organization_id = :org AND user_id IN (:people)")
                .param("org", org)
                .param("people", people)
                .update();
        int reads = jdbc.sql("DELETE " + READS)
                .param("org", org)
                .param("people", people)
                .update();
        int emails = jdbc.sql("""
                        DELETE FROM notification_email WHERE organization_id = :org
                          AND (user_id IN (:people) OR lower(to_address) IN (:addresses))
                        """)
                .param("org", org)
                .param("people", people)
                .param("addresses", SubjectSql.emails(subject))
                .update();
        List<String> patterns = SubjectSql.mentions(subject);
        int mentions = redact(
                        "notification",
                        List.of("title", "body", "link"),
                        org,
                        found.mentioningNotifications(),
                        patterns)
                + redact("notification_email", List.of("subject", "body"), org, found.mentioningEmails(), patterns);
        log.info(
                "Erased a data subject in organisation {}: {} people with {} settings, {} follows, {} notifications,"
                        + " {} read marks, {} emails; {} mentions redacted",
                org,
                persons,
                settings,
                follows,
                notifications,
                reads,
                emails,
                mentions);
        return persons + settings + follows + notifications + reads + emails + mentions;
    }

    @Override
    public int count(UUID org, DataSubject subject) {
        return find(org, subject).total();
    }

    private Found find(UUID org, DataSubject subject) {
        List<String> addresses = SubjectSql.emails(subject);
        // staff members of the organisation by where their emails go (their settings) or went (composed emails)
        List<UUID> people = jdbc.sql("""
                        SELECT user_id FROM notification_person
                        WHERE organization_id = :org AND lower(email) IN (:addresses)
                        UNION
                        SELECT user_id FROM notification_email
                        WHERE organization_id = :org AND lower(to_address) IN (:addresses)
                        """)
                .param("org", org)
                .param("addresses", addresses)
                .query(UUID.class)
                .list();
        List<UUID> ids = orNoId(people);
        int settings = countOf(
                "SELECT count(*) FROM notification_setting WHERE organization_id = :org AND user_id IN (:people)",
                org,
                ids);
        int follows = countOf(
                "SELECT count(*) FROM job_follow WHERE organization_id = :org AND user_id IN (:people)", org, ids);
        int persons = countOf(
                "SELECT count(*) FROM notification_person WHERE organization_id = :org AND user_id IN (:people)",
                org,
                ids);
        List<UUID> notifications = jdbc.sql(
                        "SELECT id FROM notification WHERE organization_id = :org AND user_id IN (:people)")
                .param("org", org)
                .param("people", ids)
                .query(UUID.class)
                .list();
        int reads = countOf("SELECT count(*) " + READS, org, ids);
        List<UUID> emails = jdbc.sql("""
                        SELECT id FROM notification_email WHERE organization_id = :org
                          AND (user_id IN (:people) OR lower(to_address) IN (:addresses))
                        """)
                .param("org", org)
                .param("people", ids)
                .param("addresses", addresses)
                .query(UUID.class)
                .list();
        Set<UUID> theirs = new HashSet<>(notifications);
        theirs.addAll(emails);
        List<String> patterns = SubjectSql.mentions(subject);
        List<UUID> mentioningNotifications = mentioning("notification", "title", "body", "link", org, patterns).stream()
                .filter(id -> !theirs.contains(id))
                .toList();
        List<UUID> mentioningEmails = mentioning("notification_email", "subject", "body", null, org, patterns).stream()
                .filter(id -> !theirs.contains(id))
                .toList();
        return new Found(
                people,
                persons,
                settings,
                follows,
                notifications,
                reads,
                emails,
                mentioningNotifications,
                mentioningEmails);
    }

    private int countOf(String sql, UUID org, List<UUID> people) {
        return jdbc.sql(sql)
                .param("org", org)
                .param("people", people)
                .query(Integer.class)
                .single();
    }

    /** The rows of {@code table} in the organisation whose text columns name one of the person's addresses. */
    private List<UUID> mentioning(String table, String a, String b, String c, UUID org, List<String> patterns) {
        if (patterns.isEmpty()) {
            return List.of();
        }
        String[] columns = c == null ? new String[] {a, b} : new String[] {a, b, c};
        var query = jdbc.sql("SELECT id FROM " + table + " WHERE organization_id = :org AND "
                        + SubjectSql.mentioned(patterns.size(), columns))
                .param("org", org);
        for (int i = 0; i < patterns.size(); i++) {
            query = query.param("m" + i, patterns.get(i));
        }
        return query.query(UUID.class).list();
    }

    /** Replaces every mention of the person in the rows' text columns by {@code [erased]}. */
    private int redact(String table, List<String> columns, UUID org, List<UUID> ids, List<String> patterns) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> sets = columns.stream()
                .map(column -> column + " = " + SubjectSql.redacted(patterns.size(), column))
                .toList();
        var update = jdbc.sql("UPDATE " + table + " SET " + String.join(", ", sets)
                        + " WHERE organization_id = :org AND id IN (:ids)")
                .param("org", org)
                .param("ids", ids);
        for (int i = 0; i < patterns.size(); i++) {
            update = update.param("m" + i, patterns.get(i));
        }
        return update.update();
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
