package io.openhire.communication.client;

import java.time.Instant;

/**
 * An organisation's own mail server as stored, without its passwords.
 *
 * @param smtpPasswordSet whether an SMTP password is stored
 * @param imapPasswordSet whether an IMAP password is stored
 * @param lastError why the mail server last failed (reaching it, signing in), or null
 */
public record MailAccountView(
        String smtpHost,
        int smtpPort,
        String smtpUser,
        boolean smtpPasswordSet,
        String from,
        String replyTo,
        String imapHost,
        Integer imapPort,
        String imapUser,
        boolean imapPasswordSet,
        boolean tls,
        String updatedBy,
        Instant updatedAt,
        String lastError,
        Instant lastErrorAt) {}
