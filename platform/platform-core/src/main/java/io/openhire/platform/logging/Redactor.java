package io.openhire.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text before it is written to a log: passwords and other
 * secrets in {@code key=value} or JSON form, bearer tokens, JWTs, OpenHire API keys, email addresses
 * and phone numbers. It errs on the side of hiding: a log line with a masked number is better than a
 * log line with a customer's phone number.
 */
public final class Redactor {

    public static final String MASK = "***";

    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"?(?:password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|id_token"
                    + "|api[_-]?key|authorization|master[_-]?key|private[_-]?key)\"?\\s*[:=]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s,;&}]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic|ApiKey)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern API_KEY = Pattern.compile("\\bohk_[A-Za-z0-9_-]{8,}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A candidate phone number; {@link #looksLikePhone} decides. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.:/-])\\+?\\(?\\d[\\d ().-]{6,20}\\d(?![\\w:/])");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private Redactor() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = SECRET_FIELD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = BEARER.matcher(out).replaceAll("$1 " + MASK);
        out = JWT.matcher(out).replaceAll(MASK);
        out = API_KEY.matcher(out).replaceAll("ohk_" + MASK);
        out = EMAIL.matcher(out).replaceAll(MASK + "@" + MASK);
        out = PHONE.matcher(out)
                .replaceAll(m -> looksLikePhone(m.group()) ? MASK : Matcher.quoteReplacement(m.group()));
        return out;
    }

    private static boolean looksLikePhone(String candidate) {
        if (ISO_DATE.matcher(candidate).matches()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            if (Character.isDigit(candidate.charAt(i))) {
                digits++;
            }
        }
        return digits >= 9 && digits <= 15;
    }
}
