package io.openhire.monitoring.client;

import java.time.Instant;
import java.util.List;

/**
 * The whole platform at one moment ({@code GET /api/v1/monitoring/status}): every service's health and version,
 * each consumer group's lag, every dead-letter topic's size.
 *
 * @param kafka whether Kafka answered; when it did not, {@code consumerGroups} and {@code deadLetters} are empty
 */
public record PlatformStatus(
        Instant checkedAt,
        String overall,
        List<ServiceStatus> services,
        boolean kafka,
        List<ConsumerGroupLag> consumerGroups,
        List<DeadLetterTopic> deadLetters) {

    public PlatformStatus {
        services = List.copyOf(services);
        consumerGroups = List.copyOf(consumerGroups);
        deadLetters = List.copyOf(deadLetters);
    }
}
