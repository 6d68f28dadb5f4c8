package io.openhire.training.privacy;

import io.openhire.privacy.client.DataSubject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a data subject is in the texts of a dataset: one of their email addresses as a whole address
 * ({@link DataSubject#hasEmail}: not {@code mary.jane@x.test} for {@code jane@x.test}), or one of their phone numbers
 * however it is written, compared as {@link DataSubject#hasPhone} compares a stored number (the last nine digits).
 * Never by name: two people share one.
 *
 * <p>The texts are files as imported, and a CoNLL file holds words one per line as a tokenizer cut them ("jane", "@",
 * "example.com"; "(", "512", ")", "555-0147"), read back with one space between words. So an address is looked
 * for with the spaces around its {@code @} closed, and the digits of a number may be up to three separator
 * characters apart.
 */
final class Mentions {

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

    /** Digits with up to three of the characters numbers are written with between them, on one line. */
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[ \\t().\\-/]{0,3}\\d)*");

    /** Closes the spaces a tokenizer put around the parts of an address ("jane _ doe @ x.test"). */
    private static final Pattern SPACED = Pattern.compile("\\s*([@_])\\s*");

    private final DataSubject subject;

    Mentions(DataSubject subject) {
        this.subject = subject;
    }

    /** Whether the text holds one of the person's addresses or numbers. */
    boolean in(String text) {
        Matcher email = EMAIL.matcher(closed(text));
        while (email.find()) {
            if (subject.hasEmail(email.group())) {
                return true;
            }
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            if (isTheirs(number.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a run of digits is the person's number. The run may go on past the number ("030 901777 2019", a year
     * after it), so each way of ending it at the end of a group of digits is tried; what comes before the number
     * does not matter, as only the last digits are compared.
     */
    private boolean isTheirs(String run) {
        for (int end = 1; end <= run.length(); end++) {
            boolean groupEnds = end == run.length() || !Character.isDigit(run.charAt(end));
            if (Character.isDigit(run.charAt(end - 1)) && groupEnds && subject.hasPhone(run.substring(0, end))) {
                return true;
            }
        }
        return false;
    }

    private static String closed(String text) {
        return SPACED.matcher(text).replaceAll("$1");
    }
}
