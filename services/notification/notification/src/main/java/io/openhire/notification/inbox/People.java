package io.openhire.notification.inbox;

import io.openhire.notification.NotificationProperties;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people who chose something (a setting, a followed job): where their emails go, their strong-match score,
 * and how far their emails have got. Someone who never chose anything has no row and the defaults.
 */
@Component
public class People {

    /**
     * @param email their address at sign-in when they last saved their settings; null if never read
     * @param strongMatchScore from which score a strong match for a followed job is notified to them
     * @param instantUpTo notifications created up to this time were considered for instant emails
     * @param dailyUpTo … for the daily digest
     * @param dailySentOn the day (UTC) of the last daily digest, null before the first
     */
    public record Person(
            UUID userId,
            UUID organizationId,
            String email,
            double strongMatchScore,
            Instant instantUpTo,
            Instant dailyUpTo,
            LocalDate dailySentOn) {}

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final Clock clock;

    People(JdbcClient jdbc, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<Person> find(UUID org, UUID user) {
        return jdbc.sql("SELECT * FROM notification_person WHERE user_id = :user AND organization_id = :org")
                .param("user", user)
                .param("org", org)
                .query((rs, i) -> {
                    BigDecimal score = rs.getBigDecimal("strong_match_score");
                    java.sql.Date sentOn = rs.getDate("daily_sent_on");
                    return new Person(
                            user,
                            org,
                            rs.getString("email"),
                            score == null ? properties.strongMatchScore() : score.doubleValue(),
                            rs.getTimestamp("instant_up_to").toInstant(),
                            rs.getTimestamp("daily_up_to").toInstant(),
                            sentOn == null ? null : sentOn.toLocalDate());
                })
                .optional();
    }

    /**
     * Records the person (their emails start from now), or updates what is given: a null address or score keeps
     * the one stored.
     */
    public void save(UUID org, UUID user, String email, Double strongMatchScore) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO notification_person (user_id, organization_id, email, strong_match_score,
                            instant_up_to, daily_up_to)
                        VALUES (:user, :org, :email, :score, :now, :now)
                        ON CONFLICT (user_id) DO UPDATE SET
                            email = COALESCE(:email, notification_person.email),
                            strong_match_score = COALESCE(:score, notification_person.strong_match_score)
                        """)
                .param("user", user)
                .param("org", org)
                .param("email", email)
                .param("score", strongMatchScore == null ? null : BigDecimal.valueOf(strongMatchScore))
                .param("now", now)
                .update();
    }
}
