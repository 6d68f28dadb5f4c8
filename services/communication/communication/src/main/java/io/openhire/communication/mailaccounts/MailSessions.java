package io.openhire.communication.mailaccounts;

import io.openhire.communication.CommunicationProperties;
import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for a mail server's settings: the platform's, or an organisation's own. */
public final class MailSessions {

    private MailSessions() {}

    /** SMTP out; STARTTLS required (and the server's name checked) when {@code tls}. */
    public static Session smtp(CommunicationProperties.Mail mail) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", mail.smtpHost());
        p.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(mail.timeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(mail.timeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(mail.timeout().toMillis()));
        boolean auth = mail.smtpUser() != null && !mail.smtpUser().isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        if (mail.tls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }

    public static boolean readsReplies(CommunicationProperties.Mail mail) {
        return mail.imapHost() != null && !mail.imapHost().isBlank();
    }

    /** IMAP in (IMAPS when {@code tls}). */
    public static Session imap(CommunicationProperties.Mail mail) {
        Properties p = new Properties();
        String protocol = mail.tls() ? "imaps" : "imap";
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", mail.imapHost());
        p.put("mail." + protocol + ".port", String.valueOf(mail.imapPort()));
        p.put(
                "mail." + protocol + ".connectiontimeout",
                String.valueOf(mail.timeout().toMillis()));
        p.put("mail." + protocol + ".timeout", String.valueOf(mail.timeout().toMillis()));
        if (mail.tls()) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }
}
