package io.openhire.resumeprocessing.parsing;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.openhire.resumeprocessing.client.CandidateProfile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Emails, phone numbers (libphonenumber, as E.164) and links, anywhere in the text. */
final class Contacts {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b((?:https?://|www\\.)[^\\s,;()<>\"]+|(?:[a-z]{2,3}\\.)?linkedin\\.com/[^\\s,;()<>\"]+|github\\.com/[^\\s,;()<>\"]+)");

    /** Distinct, lower case, in order of appearance. */
    static List<String> emails(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(m.group().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
        }
        return List.copyOf(found);
    }

    /**
     * Up to five valid numbers as E.164; {@code region} (ISO country) reads those written without a
     * country code.
     */
    static List<String> phones(String text, String region) {
        Set<String> found = new LinkedHashSet<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 200)) {
            found.add(PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
            if (found.size() == 5) {
                break;
            }
        }
        return List.copyOf(found);
    }

    /** The first LinkedIn and GitHub links, and up to five others. */
    static CandidateProfile.Links links(String text) {
        String linkedin = null;
        String github = null;
        Set<String> other = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group(1).replaceAll("[.)\\]]+$", "");
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.contains("linkedin.com/")) {
                linkedin = linkedin == null ? url : linkedin;
            } else if (lower.contains("github.com/")) {
                github = github == null ? url : github;
            } else if (other.size() < 5) {
                other.add(url);
            }
        }
        return new CandidateProfile.Links(linkedin, github, List.copyOf(other));
    }

    private Contacts() {}
}
