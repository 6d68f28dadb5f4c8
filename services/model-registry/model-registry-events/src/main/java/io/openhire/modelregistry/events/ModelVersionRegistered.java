package io.openhire.modelregistry.events;

import java.time.Instant;

/**
 * A new model version is stored and ready to be promoted.
 *
 * @param model the registered model's name (also the Kafka key)
 * @param version the new version number
 * @param task what the model does, e.g. {@code text-embedding}
 * @param artifactSha256 SHA-256 of the artifact
 * @param artifactSize its size in bytes
 * @param parentVersion the version it was derived from, or null
 * @param actor who registered it: {@code user:<id>}, {@code service:<name>} or {@code system}
 * @param occurredAt when
 */
public record ModelVersionRegistered(
        String model,
        int version,
        String task,
        String artifactSha256,
        long artifactSize,
        Integer parentVersion,
        String actor,
        Instant occurredAt) {

    public static final String TOPIC = "model.version-registered.v1";
}
