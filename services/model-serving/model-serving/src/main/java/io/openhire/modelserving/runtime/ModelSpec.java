package io.openhire.modelserving.runtime;

import io.openhire.platform.errors.DomainException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which model a request means: {@code name} (its champion), {@code name@alias} or {@code name:version}.
 *
 * @param alias the alias, or null when a version is pinned
 * @param version the pinned version, or null
 */
public record ModelSpec(String model, String alias, Integer version) {

    public static final String CHAMPION = "champion";

    private static final Pattern SPEC =
            Pattern.compile("([a-z][a-z0-9-]{1,62})(?:@([a-z][a-z0-9-]{0,31})|:([1-9][0-9]{0,8}))?");

    public static ModelSpec parse(String text) {
        Matcher m = text == null ? null : SPEC.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw DomainException.invalidField(
                    "model", "a model name, name@alias or name:version, e.g. text-embedding@challenger");
        }
        if (m.group(3) != null) {
            return new ModelSpec(m.group(1), null, Integer.valueOf(m.group(3)));
        }
        return new ModelSpec(m.group(1), m.group(2) == null ? CHAMPION : m.group(2), null);
    }

    public String key() {
        return alias != null ? model + "@" + alias : model + ":" + version;
    }

    @Override
    public String toString() {
        return key();
    }
}
