package io.openhire.monitoring.client;

import java.util.Map;

/**
 * One service as the monitoring service found it.
 *
 * @param status {@code UP}, {@code DOWN} (it says so, or does not answer) or {@code DEGRADED} (up, but slow)
 * @param version the build it runs ({@code openhire.version} of its {@code /actuator/info}); null when unknown
 * @param components its health's parts and their states ({@code db → UP}): which part is down
 * @param outboxBacklog events written but not yet on Kafka; null for a service without an outbox
 * @param outboxOldestSeconds how long the oldest of them has waited
 * @param deadLettered records this service's listeners gave up on since it started
 * @param problem why it is not UP, in words; null when it is
 */
public record ServiceStatus(
        String service,
        String status,
        String version,
        long responseMillis,
        Map<String, String> components,
        Long outboxBacklog,
        Double outboxOldestSeconds,
        Long deadLettered,
        String problem) {

    public ServiceStatus {
        components = components == null ? Map.of() : Map.copyOf(components);
    }
}
