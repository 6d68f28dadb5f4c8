package io.openhire.matching.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes what must not influence a match from resume text before it is searched, embedded or quoted:
 * the candidate's name, email addresses, phone numbers, web links, dates of birth and ages, and gendered
 * words (pronouns, honorifics). What is left is the work: titles, skills, employers, achievements.
 */
public final class Scrubber {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+|\\b\\S+\\.(com|io|org|net)/\\S*");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\(?\\d[\\d ().-]{7,}\\d(?![\\w-])");
    /** "Date of birth: 12.03.1988", "born in 1988", "born 12 March 1988", "Age: 34". */
    private static final Pattern BIRTH =
            Pattern.compile("(?i)\\b(date of birth|d\\.?o\\.?b\\.?|born(?: on| in)?|birth ?date|age)\\b"
                    + "\\s*[:\\-]?\\s*(?:\\d[\\d./ -]{0,10}\\d|\\d|(?:\\d{1,2} )?[A-Za-z]{3,9},? \\d{4})");

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
        Pattern nameTokens = nameTokens(name);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String clean = EMAIL.matcher(line).replaceAll(" ");
            clean = URL.matcher(clean).replaceAll(" ");
            clean = BIRTH.matcher(clean).replaceAll(" ");
            clean = PHONE.matcher(clean).replaceAll(m -> isPhone(m.group()) ? " " : m.group());
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

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");

    /**
     * At least nine digits, or a leading +: "+49 30 901820", "(512) 555-0147". Not a span of years such as
     * "2018 - 2024" or "2016-03 – 2020-11", which is work history.
     */
    static boolean isPhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        if (digits < 9 && !candidate.startsWith("+")) {
            return false;
        }
        return YEAR.matcher(candidate).results().count() < 2;
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
