package io.openhire.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often the relay looks for unpublished events (commits also wake it at once)
 * @param batchSize rows per relay transaction
 * @param sendTimeout how long to wait for Kafka's acknowledgement of one batch
 * @param initialBackoff first retry delay after a failed send, doubled per attempt
 * @param maxBackoff the longest retry delay
 * @param retention how long published rows are kept (for inspection) before they are purged
 */
@ConfigurationProperties("openhire.events.outbox")
public record OutboxProperties(
        Duration pollInterval,
        Integer batchSize,
        Duration sendTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration retention) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
