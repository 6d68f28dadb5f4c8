package io.openhire.communication.delivery;

import io.openhire.communication.consent.UnsubscribeLinks;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message of an outbound email: plain text (with a calendar invitation as its alternative when
 * it carries one), its fixed Message-ID, one-click unsubscribe.
 */
@Component
class Emails {

    private final UnsubscribeLinks unsubscribe;

    Emails(UnsubscribeLinks unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    MimeMessage build(Session session, Dispatcher.Claimed m, String replyTo) throws MessagingException {
        String link = unsubscribe.link(m.id());
        MimeMessage mime = new FixedIdMessage(session, m.rfcMessageId());
        mime.setFrom(new InternetAddress(m.from(), true));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        if (replyTo != null && !replyTo.isBlank()) {
            mime.setReplyTo(InternetAddress.parse(replyTo, true));
        }
        mime.setSubject(m.subject(), "UTF-8");
        mime.setSentDate(new Date());
        String text = m.body() + "\n\n--\nTo stop receiving emails from us: " + link + "\n";
        if (m.calendar() == null) {
            mime.setText(text, "UTF-8", "plain");
        } else {
            // iMIP (RFC 6047): the text and the calendar object as alternatives; mail clients show the invitation
            // with accept/decline and put it in the calendar.
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8", "plain");
            alternatives.addBodyPart(plain);
            MimeBodyPart calendar = new MimeBodyPart();
            String type = "text/calendar; charset=UTF-8; method=" + methodOf(m.calendar());
            // bytes with their type: Jakarta Mail has no content handler for text/calendar strings
            calendar.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(m.calendar().getBytes(StandardCharsets.UTF_8), type)));
            calendar.setHeader("Content-Type", type);
            alternatives.addBodyPart(calendar);
            mime.setContent(alternatives);
        }
        // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
        mime.setHeader("List-Unsubscribe", "<" + link + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader("X-OpenHire-Message", m.id().toString());
        return mime;
    }

    /** The METHOD of an iCalendar object (REQUEST, CANCEL), which its MIME type repeats. */
    static String methodOf(String calendar) {
        for (String line : calendar.split("\r?\n")) {
            if (line.startsWith("METHOD:")) {
                return line.substring("METHOD:".length()).strip();
            }
        }
        return "PUBLISH";
    }

    /** Keeps the Message-ID given when the message was queued (Jakarta Mail would make a new one). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
