package io.openhire.privacy.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How a data subject is looked for in SQL: their email addresses (lower case), their phone numbers by the rule of
 * {@link DataSubject#hasPhone} (the same last nine digits), and both inside free text. Never their name. For a
 * {@link DataSubjectHandler} that finds the person with SQL.
 */
public final class SubjectSql {

    /** Stands in for an empty list in {@code IN (:list)} (SQL has no empty list): no address or digits equal it. */
    public static final String NONE = "-";

    /** The same for a list of ids: no row has the nil UUID. */
    public static final UUID NO_ID = new UUID(0, 0);

    /** What a mention of the person in a text is replaced with on erasure. */
    public static final String ERASED = "[erased]";

    private SubjectSql() {}

    /** The person's email addresses as stored (lower case), for {@code IN (:emails)}. */
    public static List<String> emails(DataSubject subject) {
        List<String> emails = subject.emails().stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> e.contains("@"))
                .distinct()
                .toList();
        return emails.isEmpty() ? List.of(NONE) : emails;
    }

    /** The last nine digits (all, when fewer) of each of the person's numbers of six digits or more. */
    public static List<String> phoneTails(DataSubject subject) {
        List<String> tails = subject.phones().stream()
                .map(p -> p.replaceAll("\\D", ""))
                .filter(d -> d.length() >= 6)
                .map(d -> d.length() > 9 ? d.substring(d.length() - 9) : d)
                .distinct()
                .toList();
        return tails.isEmpty() ? List.of(NONE) : tails;
    }

    /**
     * SQL that is true when {@code column} holds one of the person's numbers, written however it was stored
     * ({@code "+49 30 901820"}, {@code "(512) 555-0147"}): {@link DataSubject#hasPhone}'s rule; needs
     * {@code :phoneTails}.
     */
    public static String phone(String column) {
        String digits = "regexp_replace(" + column + ", '\\D', '', 'g')";
        return "(length(" + digits + ") >= 6 AND right(" + digits + ", 9) IN (:phoneTails))";
    }

    /**
     * Regular expressions (PostgreSQL, used case-insensitively) that find the person's email addresses and phone
     * numbers inside a text: an address as a whole word (not {@code mary.jane@x.test} for {@code jane@x.test}), a
     * number by its last nine digits with the usual separators between them. Numbers of fewer than nine digits
     * are not looked for in texts: too many other figures would match.
     */
    public static List<String> mentions(DataSubject subject) {
        List<String> patterns = new ArrayList<>();
        for (String email : emails(subject)) {
            if (!email.equals(NONE)) {
                patterns.add("(?<![a-z0-9._%+-])" + literal(email) + "(?![a-z0-9-]|\\.[a-z0-9])");
            }
        }
        for (String tail : phoneTails(subject)) {
            if (tail.length() == 9) {
                // the digits before the last nine (country or area code) go with them when a text is redacted
                patterns.add("(?:[+(]?[0-9][-. ()/]{0,2}){0,6}" + String.join("[-. ()/]{0,2}", tail.split(""))
                        + "(?![0-9])");
            }
        }
        return patterns;
    }

    /**
     * SQL that is true when one of {@code columns} mentions the person; the patterns are bound as {@code :m0},
     * {@code :m1}, …
     */
    public static String mentioned(int patterns, String... columns) {
        List<String> tests = new ArrayList<>();
        for (String column : columns) {
            for (int i = 0; i < patterns; i++) {
                tests.add(column + " ~* :m" + i);
            }
        }
        return "(" + String.join(" OR ", tests) + ")";
    }

    /** SQL for {@code column} with every mention of the person replaced by {@link #ERASED}. */
    public static String redacted(int patterns, String column) {
        String expression = column;
        for (int i = 0; i < patterns; i++) {
            expression = "regexp_replace(" + expression + ", :m" + i + ", '" + ERASED + "', 'gi')";
        }
        return expression;
    }

    /** An address as a regular expression matching only itself: every character but letters and digits quoted. */
    private static String literal(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    /**
     * Deletes the organisation's published outbox rows that name one of these records (a resume's
     * resume.received.v1, the audit entries of who viewed it): the outbox keeps them a week for inspection. Rows not
     * yet published stay for the relay — the deletion events just written among them.
     *
     * @return how many were deleted
     */
    public static int purgePublishedEventsNaming(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, UUID organizationId, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        DELETE FROM outbox_event
                        WHERE organization_id = :org AND published_at IS NOT NULL AND payload ~ :ids
                        """)
                .param("org", organizationId)
                .param("ids", String.join("|", ids.stream().map(UUID::toString).toList()))
                .update();
    }
}
