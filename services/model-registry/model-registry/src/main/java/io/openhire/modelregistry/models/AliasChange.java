package io.openhire.modelregistry.models;

import java.time.Instant;

/** One move of an alias: kept forever, so any past moment's alias → version is known. */
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
