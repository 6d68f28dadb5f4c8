package io.openhire.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxDatasetSize the largest dataset file accepted
 * @param poll how often an idle worker looks for a queued job
 * @param lease how long a running job's claim lasts without a heartbeat
 * @param registryRetry how long to wait before registering again while model-registry is away
 * @param maxAttempts how often a job whose worker was lost is started again before it fails
 */
@ConfigurationProperties("openhire.training")
public record TrainingProperties(
        DataSize maxDatasetSize, Duration poll, Duration lease, Duration registryRetry, int maxAttempts) {}
