package io.openhire.modelregistry.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model's alias moves, newest first.
 *
 * @param alias the alias asked for, or null for all
 * @param at the instant asked for, or null
 * @param aliasesAt with {@code at}: alias → version at that instant; otherwise null
 */
public record AliasHistory(
        String model, String alias, Instant at, Map<String, Integer> aliasesAt, List<AliasChange> changes) {}
