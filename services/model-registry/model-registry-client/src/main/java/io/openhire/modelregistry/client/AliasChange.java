package io.openhire.modelregistry.client;

import java.time.Instant;

/**
 * One move of an alias, kept forever: any past moment's alias → version is known.
 *
 * @param previousVersion where the alias pointed before, null when it is new
 * @param action {@code PROMOTE} or {@code ROLLBACK}
 * @param actor {@code user:<id>}, {@code service:<name>} or {@code system}
 */
public record AliasChange(
        long id,
        String model,
        String alias,
        int version,
        Integer previousVersion,
        String action,
        String actor,
        String reason,
        Instant changedAt) {}
