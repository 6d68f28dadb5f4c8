package io.openhire.modelregistry.client;

import java.util.Map;

/**
 * A registered model in the list of all models.
 *
 * @param task {@code text-embedding}, {@code ranking} or {@code token-classification}
 * @param aliases alias → version, sorted by alias
 * @param latestVersion the newest version's number, null before the first
 */
public record ModelSummary(
        String name, String task, String description, Map<String, Integer> aliases, Integer latestVersion) {}
