package io.openhire.communication.client;

/**
 * An organisation's own mail server: email leaves through its SMTP relay as {@code from}, and replies and bounces
 * come back to its IMAP mailbox ({@code imapHost} empty: replies are not read). A password left out keeps the one
 * stored. Both servers are tried before anything is saved.
 *
 * @param smtpPort default 587
 * @param from the sender, e.g. {@code Acme Recruiting <jobs@acme.example>}; its domain names the Message-IDs
 * @param replyTo where replies go (the IMAP mailbox's address), or null: to {@code from}
 * @param imapPort default 993 with TLS, 143 without
 * @param tls STARTTLS required for SMTP, TLS for IMAP (default true)
 */
public record MailAccountRequest(
        String smtpHost,
        Integer smtpPort,
        String smtpUser,
        String smtpPassword,
        String from,
        String replyTo,
        String imapHost,
        Integer imapPort,
        String imapUser,
        String imapPassword,
        Boolean tls) {

    @Override
    public String toString() { // no passwords in logs
        return "MailAccountRequest[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", from=" + from + ", imapHost="
                + imapHost + ", imapPort=" + imapPort + ", tls=" + tls + "]";
    }
}
