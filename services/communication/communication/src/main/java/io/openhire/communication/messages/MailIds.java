package io.openhire.communication.messages;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs (RFC 5322): each outbound email's is {@code <its uuid@the sender's domain>}, fixed when it is
 * queued, so a retry after a crash sends the same one, and a reply names it in In-Reply-To/References.
 */
public final class MailIds {

    private static final Pattern ID = Pattern.compile("<[^<>\\s]{1,250}>");

    private MailIds() {}

    public static String messageId(UUID id, String from) {
        String domain = "openhire.local";
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address.lastIndexOf('@');
            if (at > 0 && at < address.length() - 1) {
                domain = address.substring(at + 1);
            }
        } catch (AddressException | NullPointerException e) {
            // keep the default domain
        }
        return "<" + id + "@" + domain + ">";
    }

    /** The ids in an In-Reply-To or References header, most recent last as written. */
    public static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = ID.matcher(header);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }
}
