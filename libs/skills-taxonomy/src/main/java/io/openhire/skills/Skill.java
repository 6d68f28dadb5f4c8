package io.openhire.skills;

import java.util.List;

/**
 * One skill of the taxonomy.
 *
 * @param id stable identifier (a slug of the canonical name), used in events and indexes
 * @param name canonical display name ("Kubernetes", "SQL", "manage budgets")
 * @param kind {@link Kind#TECHNOLOGY} (a tool, language or product) or {@link Kind#COMPETENCE}
 * @param source where it comes from: {@code onet}, {@code esco} or {@code openhire} (curated)
 * @param aliases other surface forms that mean the same skill (matched case-insensitively)
 * @param exactAliases forms matched only with exactly this capitalisation, because in lower case
 *     they are ordinary words ("Word", "Access", "C", "R")
 * @param hot O*NET marks it as a "hot technology" (frequent in job postings)
 */
public record Skill(
        String id,
        String name,
        Kind kind,
        String source,
        List<String> aliases,
        List<String> exactAliases,
        boolean hot) {

    public enum Kind {
        TECHNOLOGY,
        COMPETENCE
    }

    public Skill {
        aliases = List.copyOf(aliases);
        exactAliases = List.copyOf(exactAliases);
    }
}
