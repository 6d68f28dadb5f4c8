package io.openhire.communication.delivery;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.mailaccounts.MailSessions;
import jakarta.mail.Session;
import org.springframework.stereotype.Component;

/**
 * Jakarta Mail sessions for a mail server: the platform's configured one (SMTP out, IMAP for replies and bounces
 * in), or an organisation's own ({@code MailAccounts}), described by the same settings record.
 */
@Component
public class MailServer {

    private final CommunicationProperties.Mail mail;

    MailServer(CommunicationProperties properties) {
        this.mail = properties.mail();
    }

    public CommunicationProperties.Mail settings() {
        return mail;
    }

    public Session smtp() {
        return MailSessions.smtp(mail);
    }

    public boolean readsReplies() {
        return MailSessions.readsReplies(mail);
    }

    public Session imap() {
        return MailSessions.imap(mail);
    }
}
