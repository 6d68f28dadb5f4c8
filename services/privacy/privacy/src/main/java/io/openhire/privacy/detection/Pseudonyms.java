package io.openhire.privacy.detection;

import io.openhire.pii.Anonymizer;
import io.openhire.pii.PiiType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organisation's pseudonyms: {@code PERSON_7F3A9C21} stands for one value of one type in one organisation,
 * always the same one. The value is kept sealed (AES-GCM, bound to the organisation and the pseudonym) so it can
 * be given back; it is found by a keyed hash of its normalised form, never by the value in clear.
 */
@Component
public class Pseudonyms {

    /** What a pseudonym looks like in a text: the type's name, an underscore, eight hex digits. */
    static final Pattern PSEUDONYM = Pattern.compile("\\b([A-Z][A-Z_]*[A-Z])_([0-9A-F]{8})\\b");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final OrganisationKeys keys;
    private final Clock clock;

    Pseudonyms(JdbcClient jdbc, OrganisationKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** The organisation's pseudonym giver, for {@link Anonymizer.Pseudonymise}. */
    public Anonymizer.Pseudonyms of(UUID organizationId) {
        byte[] hashKey = keys.hashKey(organizationId);
        return (type, value) -> pseudonymFor(organizationId, hashKey, type, value);
    }

    private String pseudonymFor(UUID organizationId, byte[] hashKey, PiiType type, String value) {
        String lookup = Anonymizer.hmac(hashKey, "pseudonym:" + type.name() + "\u0000" + normalise(value));
        Optional<String> known = find(organizationId, type, lookup);
        if (known.isPresent()) {
            return known.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String pseudonym =
                    type.name() + "_" + HexFormat.of().withUpperCase().toHexDigits(RANDOM.nextInt());
            byte[] sealed =
                    keys.cipher().seal(value.getBytes(StandardCharsets.UTF_8), associated(organizationId, pseudonym));
            // Two requests giving the same new value a pseudonym at once: the first row stands, both read it.
            int added = jdbc.sql("""
                            INSERT INTO privacy_pseudonym
                                (organization_id, entity_type, lookup, pseudonym, sealed_value, created_at)
                            VALUES (:org, :type, :lookup, :pseudonym, :sealed, :now)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("org", organizationId)
                    .param("type", type.name())
                    .param("lookup", lookup)
                    .param("pseudonym", pseudonym)
                    .param("sealed", sealed)
                    .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                    .update();
            Optional<String> stored = find(organizationId, type, lookup);
            if (added == 1 || stored.isPresent()) {
                return stored.orElse(pseudonym);
            }
            // the random pseudonym was taken by another value: draw again
        }
        throw new IllegalStateException("no free pseudonym after five draws");
    }

    private Optional<String> find(UUID organizationId, PiiType type, String lookup) {
        return jdbc.sql("""
                        SELECT pseudonym FROM privacy_pseudonym
                        WHERE organization_id = :org AND entity_type = :type AND lookup = :lookup
                        """)
                .param("org", organizationId)
                .param("type", type.name())
                .param("lookup", lookup)
                .query(String.class)
                .optional();
    }

    /** The text with each of the organisation's pseudonyms replaced by its value; unknown ones stay. */
    public Reversal reverse(UUID organizationId, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PSEUDONYM.matcher(text);
        while (m.find()) {
            values.putIfAbsent(m.group(), null);
        }
        if (values.isEmpty()) {
            return new Reversal(text, List.of());
        }
        jdbc.sql(
                        "SELECT pseudonym, sealed_value FROM privacy_pseudonym WHERE organization_id = :org AND pseudonym IN (:pseudonyms)")
                .param("org", organizationId)
                .param("pseudonyms", List.copyOf(values.keySet()))
                .query((rs, row) -> {
                    String pseudonym = rs.getString("pseudonym");
                    byte[] plain =
                            keys.cipher().open(rs.getBytes("sealed_value"), associated(organizationId, pseudonym));
                    values.put(pseudonym, new String(plain, StandardCharsets.UTF_8));
                    return pseudonym;
                })
                .list();
        StringBuilder out = new StringBuilder();
        Matcher replace = PSEUDONYM.matcher(text);
        while (replace.find()) {
            String value = values.get(replace.group());
            replace.appendReplacement(out, Matcher.quoteReplacement(value == null ? replace.group() : value));
        }
        replace.appendTail(out);
        List<String> reversed = values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey)
                .toList();
        return new Reversal(out.toString(), reversed);
    }

    /** The restored text and the pseudonyms that were reversed in it. */
    public record Reversal(String text, List<String> pseudonyms) {}

    private static String associated(UUID organizationId, String pseudonym) {
        return "privacy-pseudonym:" + organizationId + ":" + pseudonym;
    }

    /** "Jane  Doe" and "jane doe" are one person; an email's case never matters. */
    static String normalise(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
