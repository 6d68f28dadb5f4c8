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
 * @param traceRetention how long received spans are kept
 * @param otlpAllowedNetworks who may send spans to {@code /v1/traces} (it takes no token: an exporter has none);
 *     loopback by default, which is where every service of the all-in-one is
 * @param logDir where the all-in-one writes its JSON log files, searched for a trace's lines; empty in distributed
 *     mode, where logs go to the log store
 */
@ConfigurationProperties("openhire.monitoring")
public record MonitoringProperties(
        List<String> watch,
        Duration statusCache,
        Duration slow,
        Duration errorRetention,
        int newErrorGroupsPerHour,
        Duration traceRetention,
        List<String> otlpAllowedNetworks,
        String logDir) {

    public MonitoringProperties {
        watch = watch == null ? List.of() : List.copyOf(watch);
        statusCache = statusCache == null ? Duration.ofSeconds(5) : statusCache;
        slow = slow == null ? Duration.ofMillis(1500) : slow;
        errorRetention = errorRetention == null ? Duration.ofDays(90) : errorRetention;
        newErrorGroupsPerHour = newErrorGroupsPerHour <= 0 ? 100 : newErrorGroupsPerHour;
        traceRetention = traceRetention == null ? Duration.ofDays(1) : traceRetention;
        otlpAllowedNetworks = otlpAllowedNetworks == null || otlpAllowedNetworks.isEmpty()
                ? List.of("127.0.0.0/8", "::1/128")
                : List.copyOf(otlpAllowedNetworks);
        logDir = logDir == null || logDir.isBlank() ? null : logDir;
    }
}
