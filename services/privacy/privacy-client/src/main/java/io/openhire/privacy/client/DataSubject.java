package io.openhire.privacy.client;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The person a data-subject request is about, as the privacy service gives it to the services that answer it
 * while the request is open: their email addresses (lower case) and phone numbers (E.164), and the name they
 * gave (to show, never to match on: two people share a name).
 */
public record DataSubject(UUID requestId, String type, List<String> emails, List<String> phones, String name) {

    public DataSubject {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    /** Whether {@code email} is one of the person's, ignoring case and surrounding spaces. */
    public boolean hasEmail(String email) {
        return email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code phone}, as a service stored it ("+49 30 901820", "030 901820", "(512) 555-0147"), is one of
     * the person's: the same last nine digits (or all of them when shorter), which is how a national and an
     * international form of one number agree.
     */
    public boolean hasPhone(String phone) {
        if (phone == null) {
            return false;
        }
        String digits = lastDigits(phone);
        return digits.length() >= 6
                && phones.stream().anyMatch(p -> lastDigits(p).equals(digits));
    }

    private static String lastDigits(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
    }
}
