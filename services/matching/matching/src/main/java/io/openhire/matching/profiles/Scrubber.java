package io.openhire.matching.profiles;

import io.openhire.pii.PiiDetector;
import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what must not influence a match from resume text before it is searched, embedded or quoted:
 * the candidate's name, and what the platform's one PII detector (libs/pii) finds of contact details, web
 * links and handles, date of birth, age, form of address, gender, marital status, nationality, religion,
 * street address and national or bank numbers; then gendered words (pronouns, honorifics). What is left is
 * the work: titles, skills, employers, places, achievements.
 */
public final class Scrubber {

    /**
     * The detector's types that say who someone is rather than what they did. Not PERSON: the candidate's own
     * name is removed by its tokens, and the detector's names-by-given-name would also take "Julia" or "Hugo"
     * out of a skills line; not LOCATION, ORGANIZATION or DATE_TIME: where and when someone worked is the work.
     */
    static final Set<PiiType> IDENTITY = EnumSet.of(
            PiiType.EMAIL_ADDRESS,
            PiiType.PHONE_NUMBER,
            PiiType.URL,
            PiiType.SOCIAL_HANDLE,
            PiiType.IP_ADDRESS,
            PiiType.DATE_OF_BIRTH,
            PiiType.AGE,
            PiiType.TITLE,
            PiiType.GENDER,
            PiiType.MARITAL_STATUS,
            PiiType.NRP,
            PiiType.RELIGION,
            PiiType.STREET_ADDRESS,
            PiiType.IBAN_CODE,
            PiiType.CREDIT_CARD,
            PiiType.US_SSN,
            PiiType.UK_NINO,
            PiiType.UK_NHS,
            PiiType.ES_NIF,
            PiiType.NL_BSN);

    /** The label a removed age or date of birth leaves behind ("Age:", "born"). */
    private static final Pattern BIRTH_LABEL =
            Pattern.compile("(?i)\\b(date of birth|d\\.?o\\.?b\\.?|born(?: on| in)?|birth ?date|age)\\b\\s*[:\\-]?");

    private static final Pattern GENDERED = Pattern.compile(
            "(?i)\\b(he|she|him|her|his|hers|himself|herself|mr|mrs|ms|miss|male|female|man|woman|gender|sex|"
                    + "married|single|nationality|marital status)\\b\\.?");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private Scrubber() {}

    /** The text with identity removed, line by line; blank lines dropped. */
    public static String scrub(String text, String name) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder withoutPii = new StringBuilder(text.length());
        int copied = 0;
        for (PiiSpan span : PiiDetector.standard().analyze(text, IDENTITY, PiiDetector.DEFAULT_THRESHOLD)) {
            withoutPii.append(text, copied, span.start()).append(' ');
            copied = span.end();
        }
        withoutPii.append(text, copied, text.length());
        Pattern nameTokens = nameTokens(name);
        List<String> lines = new ArrayList<>();
        for (String line : withoutPii.toString().split("\\R")) {
            String clean = BIRTH_LABEL.matcher(line).replaceAll(" ");
            clean = GENDERED.matcher(clean).replaceAll(" ");
            if (nameTokens != null) {
                clean = nameTokens.matcher(clean).replaceAll(" ");
            }
            clean = SPACES.matcher(clean).replaceAll(" ").strip();
            if (clean.chars().anyMatch(Character::isLetterOrDigit)) {
                lines.add(clean);
            }
        }
        return String.join("\n", lines);
    }

    private static Pattern nameTokens(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        for (String token : name.toLowerCase(Locale.ROOT).split("[^\\p{L}'-]+")) {
            if (token.length() >= 2) {
                tokens.add(Pattern.quote(token));
            }
        }
        return tokens.isEmpty()
                ? null
                : Pattern.compile(
                        "(?iu)(?<![\\p{L}])(" + String.join("|", tokens) + ")(?![\\p{L}])", Pattern.UNICODE_CASE);
    }
}
