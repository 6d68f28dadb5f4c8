package io.openhire.notification;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notification's settings ({@code openhire.notification.*}).
 *
 * @param retention how long notifications are kept
 * @param dashboardUrl where the dashboard is, for the links in emailed notifications
 * @param dailyDigestAt when (UTC) the daily digests go out
 * @param emailEvery how often notifications are gathered into emails (instant ones wait at most this long)
 * @param strongMatchScore the score (0–100, as rankings show it) from which a strong match for a followed job is notified, for a person who
 *     has not chosen their own
 */
@ConfigurationProperties("openhire.notification")
public record NotificationProperties(
        @DefaultValue("P90D") Duration retention,
        @DefaultValue("http://localhost:8080") URI dashboardUrl,
        @DefaultValue("07:00") LocalTime dailyDigestAt,
        @DefaultValue("PT30S") Duration emailEvery,
        @DefaultValue("70") double strongMatchScore) {}
