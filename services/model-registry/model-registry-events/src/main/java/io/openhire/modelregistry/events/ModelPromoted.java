package io.openhire.modelregistry.events;

import java.time.Instant;

/**
 * An alias of a registered model now points at another version (a promotion or a rollback). model-serving
 * swaps the version it serves under that alias; matching re-embeds when the embedding champion changes.
 *
 * @param model the registered model's name (also the Kafka key)
 * @param alias the alias that moved, e.g. {@code champion}
 * @param version the version the alias now points at
 * @param previousVersion the version it pointed at before, or null if the alias is new
 * @param action {@code PROMOTE} or {@code ROLLBACK}
 * @param artifactSha256 SHA-256 of the new version's artifact, for consumers that verify what they load
 * @param actor who moved it: {@code user:<id>}, {@code service:<name>} or {@code system}
 * @param reason why, as given
 * @param occurredAt when
 */
public record ModelPromoted(
        String model,
        String alias,
        int version,
        Integer previousVersion,
        String action,
        String artifactSha256,
        String actor,
        String reason,
        Instant occurredAt) {

    public static final String TOPIC = "model.promoted.v1";
}
