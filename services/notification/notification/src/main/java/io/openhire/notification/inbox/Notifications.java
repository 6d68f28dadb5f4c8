package io.openhire.notification.inbox;

import io.openhire.notification.NotificationProperties;
import io.openhire.notification.client.EmailDelivery;
import io.openhire.notification.client.NotificationPage;
import io.openhire.notification.client.NotificationSettings;
import io.openhire.notification.client.NotificationView;
import io.openhire.notification.events.NotificationCreated;
import io.openhire.notification.events.NotificationType;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications and who has read them. A notification is for one person, for all the organisation's staff, or
 * (without an organisation) for everyone on the platform; what a person sees leaves out the types they switched
 * off.
 */
@Service
public class Notifications {

    /** A person's view: their notifications, not the types they switched off. */
    private static final String VISIBLE = """
            FROM notification n
            LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
            WHERE (n.organization_id = :org OR n.organization_id IS NULL) AND (n.user_id IS NULL OR n.user_id = :user)
              AND n.type NOT IN (SELECT s.type FROM notification_setting s
                                 WHERE s.user_id = :user AND s.organization_id = :org AND NOT s.in_app)
            """;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final People people;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Outbox outbox, People people, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a notification and announces it (call inside the transaction that makes it happen).
     *
     * @param org the organisation, or null for everyone on the platform
     * @param userId the one person it is for, or null for all the organisation's staff
     */
    @Transactional
    public NotificationView create(
            UUID org, UUID userId, NotificationType type, String title, String text, String link, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO notification (id, organization_id, user_id, type, title, body, link, created_by,
                            created_at)
                        VALUES (:id, :org, :user, :type, :title, :body, :link, :actor, :now)
                        """)
                .param("id", id)
                .param("org", org)
                .param("user", userId)
                .param("type", type.name())
                .param("title", title)
                .param("body", text)
                .param("link", link)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .update();
        outbox.publish(
                NotificationCreated.TOPIC, id.toString(), new NotificationCreated(id, org, userId, type, now), org);
        return new NotificationView(id, type, title, text, link, now, null);
    }

    public NotificationPage page(UUID org, UUID user, boolean unreadOnly, int page, int size) {
        String filter = unreadOnly ? " AND r.read_at IS NULL" : "";
        List<NotificationView> items = jdbc.sql("SELECT n.*, r.read_at " + VISIBLE + filter
                        + " ORDER BY n.created_at DESC, n.id LIMIT :limit OFFSET :offset")
                .param("org", org)
                .param("user", user)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(Notifications::view)
                .list();
        long total = count(org, user, filter);
        long unread = unreadOnly ? total : count(org, user, " AND r.read_at IS NULL");
        return new NotificationPage(items, total, unread, page, size);
    }

    public long unread(UUID org, UUID user) {
        return count(org, user, " AND r.read_at IS NULL");
    }

    private long count(UUID org, UUID user, String filter) {
        return jdbc.sql("SELECT count(*) " + VISIBLE + filter)
                .param("org", org)
                .param("user", user)
                .query(Long.class)
                .single();
    }

    /** Marks one notification read for this person; 404 when it is not one of theirs. */
    public void markRead(UUID org, UUID user, UUID id) {
        int visible = jdbc.sql("SELECT count(*) " + VISIBLE + " AND n.id = :id")
                .param("org", org)
                .param("user", user)
                .param("id", id)
                .query(Integer.class)
                .single();
        if (visible == 0) {
            throw DomainException.notFound("The notification");
        }
        jdbc.sql("""
                        INSERT INTO notification_read (notification_id, user_id, read_at) VALUES (:id, :user, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", id)
                .param("user", user)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public int markAllRead(UUID org, UUID user) {
        return jdbc.sql("INSERT INTO notification_read (notification_id, user_id, read_at) SELECT n.id, :user, :now "
                        + VISIBLE + " AND r.read_at IS NULL ON CONFLICT DO NOTHING")
                .param("org", org)
                .param("user", user)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public NotificationSettings settings(UUID org, UUID user) {
        Map<NotificationType, Boolean> inApp = new EnumMap<>(NotificationType.class);
        Map<NotificationType, EmailDelivery> email = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            inApp.put(type, true);
            email.put(type, EmailDelivery.OFF);
        }
        jdbc.sql(
                        "SELECT type, in_app, email FROM notification_setting WHERE organization_id = :org AND user_id = :user")
                .param("org", org)
                .param("user", user)
                .query((rs, i) -> {
                    NotificationType type = NotificationType.valueOf(rs.getString("type"));
                    inApp.put(type, rs.getBoolean("in_app"));
                    return email.put(type, EmailDelivery.valueOf(rs.getString("email")));
                })
                .list();
        Optional<People.Person> person = people.find(org, user);
        return new NotificationSettings(
                inApp,
                email,
                person.map(People.Person::strongMatchScore).orElse(properties.strongMatchScore()),
                person.map(People.Person::email).orElse(null));
    }

    /**
     * Changes what is given and keeps the rest; {@code emailAddress} is the person's address from identity (null
     * if unknown), needed once any type is emailed.
     */
    @Transactional
    public NotificationSettings saveSettings(UUID org, UUID user, NotificationSettings change, String emailAddress) {
        if (change == null) {
            throw DomainException.invalidField("inApp", "give inApp, email or strongMatchScore to change");
        }
        Double score = change.strongMatchScore();
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            throw DomainException.invalidField("strongMatchScore", "must be between 0 and 100, e.g. 70");
        }
        Map<NotificationType, Boolean> inApp = change.inApp() == null ? Map.of() : change.inApp();
        Map<NotificationType, EmailDelivery> email = change.email() == null ? Map.of() : change.email();
        if (inApp.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw DomainException.invalidField("inApp", "each type needs true or false");
        }
        if (email.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw DomainException.invalidField("email", "each type needs OFF, INSTANT or DAILY");
        }
        NotificationSettings current = settings(org, user);
        boolean emailed = email.values().stream().anyMatch(d -> d != EmailDelivery.OFF);
        if (emailed && emailAddress == null) {
            throw DomainException.invalidField("email", "your account has no email address to send to");
        }
        for (NotificationType type : NotificationType.values()) {
            if (inApp.containsKey(type) || email.containsKey(type)) {
                jdbc.sql("""
                                INSERT INTO notification_setting (organization_id, user_id, type, in_app, email)
                                VALUES (:org, :user, :type, :inApp, :email)
                                ON CONFLICT (user_id, type) DO UPDATE SET in_app = :inApp, email = :email
                                """)
                        .param("org", org)
                        .param("user", user)
                        .param("type", type.name())
                        .param("inApp", inApp.getOrDefault(type, current.inApp().get(type)))
                        .param(
                                "email",
                                email.getOrDefault(type, current.email().get(type))
                                        .name())
                        .update();
            }
        }
        people.save(org, user, emailAddress, score);
        return settings(org, user);
    }

    /** Forgets notifications older than the retention period (daily; read states go with them). */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "P1D")
    void prune() {
        jdbc.sql("DELETE FROM notification WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(properties.retention())))
                .update();
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new NotificationView(
                rs.getObject("id", UUID.class),
                NotificationType.valueOf(rs.getString("type")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
