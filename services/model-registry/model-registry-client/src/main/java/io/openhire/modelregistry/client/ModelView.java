package io.openhire.modelregistry.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registered model with its gates, aliases and versions.
 *
 * @param task {@code text-embedding}, {@code ranking} or {@code token-classification}
 * @param promotionGates the metrics a version needs to become {@code champion}
 * @param aliases by alias name ({@code champion}, {@code challenger}, ...)
 * @param versions newest first
 */
public record ModelView(
        String name,
        String task,
        String description,
        List<Gate> promotionGates,
        Map<String, Alias> aliases,
        List<VersionView> versions,
        Instant createdAt,
        Instant updatedAt) {

    /** The alias every service uses unless it asks for another. */
    public static final String CHAMPION = "champion";

    /** The version the alias points to, or null when the model has no such alias. */
    public Integer aliasVersion(String alias) {
        Alias found = aliases == null ? null : aliases.get(alias);
        return found == null ? null : found.version();
    }

    public Optional<VersionView> version(int number) {
        return versions == null
                ? Optional.empty()
                : versions.stream().filter(v -> v.version() == number).findFirst();
    }

    /** Where an alias points, since when and who moved it there. */
    public record Alias(String alias, int version, String updatedBy, Instant updatedAt) {}
}
