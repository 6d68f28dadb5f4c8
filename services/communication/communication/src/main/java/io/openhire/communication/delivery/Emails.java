package io.openhire.communication.delivery;

import io.openhire.communication.consent.UnsubscribeLinks;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Builds the MIME message of an outbound email: plain text, its fixed Message-ID, one-click unsubscribe. */
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
        mime.setText(m.body() + "\n\n--\nTo stop receiving emails from us: " + link + "\n", "UTF-8", "plain");
        // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
        mime.setHeader("List-Unsubscribe", "<" + link + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader("X-OpenHire-Message", m.id().toString());
        return mime;
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
