package io.openhire.monitoring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openhire.monitoring.*}.
 *
 * @param watch the services whose status is shown (their URLs are {@code openhire.clients.services.<name>.url})
 * @param statusCache how long one status answer is reused: a page refreshing every few seconds, or ten admins
 *     looking at once, must not ask every service each time
 * @param slow a service answering its health slower than this is shown as degraded
 * @param errorRetention error groups not seen for this long are deleted
 * @param newErrorGroupsPerHour how many new kinds of error one organisation's callers may report an hour (reports
 *     of known errors are always counted): a signed-in user cannot fill the table
 */
@ConfigurationProperties("openhire.monitoring")
public record MonitoringProperties(
        List<String> watch, Duration statusCache, Duration slow, Duration errorRetention, int newErrorGroupsPerHour) {

    public MonitoringProperties {
        watch = watch == null ? List.of() : List.copyOf(watch);
        statusCache = statusCache == null ? Duration.ofSeconds(5) : statusCache;
        slow = slow == null ? Duration.ofMillis(1500) : slow;
        errorRetention = errorRetention == null ? Duration.ofDays(90) : errorRetention;
        newErrorGroupsPerHour = newErrorGroupsPerHour <= 0 ? 100 : newErrorGroupsPerHour;
    }
}
