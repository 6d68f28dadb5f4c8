package io.openhire.communication.inbound;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.client.MessageView;
import io.openhire.communication.delivery.MailServer;
import io.openhire.communication.mailaccounts.MailAccounts;
import io.openhire.communication.mailaccounts.MailSessions;
import io.openhire.communication.messages.MailIds;
import io.openhire.communication.messages.Messages;
import io.openhire.platform.crypto.Sha256;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Reads the replies mailbox (IMAP): each unread mail is a reply to one of our messages (found by its
 * In-Reply-To or References), a delivery report or a complaint about one, or something else (left alone,
 * marked read). A mail is marked read only after what it says is committed; a crash before that reads it
 * again, and the reply's Message-ID keeps it from being recorded twice.
 */
@Component
class ReplyReader {

    private static final Logger log = LoggerFactory.getLogger(ReplyReader.class);
    private static final int MAX_PER_POLL = 200;

    private final MailServer mail;
    private final MailAccounts accounts;
    private final Messages messages;
    private final Inbound inbound;
    /** The mailboxes whose failure was logged (once until they are readable again). */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    ReplyReader(MailServer mail, MailAccounts accounts, Messages messages, Inbound inbound) {
        this.mail = mail;
        this.accounts = accounts;
        this.messages = messages;
        this.inbound = inbound;
    }

    @Scheduled(fixedDelayString = "${openhire.communication.poll-every:PT5S}")
    void poll() {
        if (mail.readsReplies()) {
            poll(null, mail.settings());
        }
        for (MailAccounts.OwnMailbox own : accounts.mailboxes()) {
            if (!accounts.mayConnect(own.mail().imapHost())) {
                accounts.recordError(own.organizationId(), "The IMAP server's name now points to a private address.");
                continue;
            }
            poll(own.organizationId(), own.mail());
        }
    }

    /**
     * Reads one mailbox: the platform's ({@code organizationId} null: a mail may answer any organisation's
     * message) or an organisation's own (only that organisation's messages are answered by what is in it).
     */
    private void poll(UUID organizationId, CommunicationProperties.Mail settings) {
        String mailbox = organizationId == null ? "platform" : organizationId.toString();
        try (Store store = MailSessions.imap(settings).getStore()) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unread.length, MAX_PER_POLL); i++) {
                    read((MimeMessage) unread[i], organizationId);
                }
            } finally {
                inbox.close(false);
            }
            if (unreachable.remove(mailbox)) {
                log.info("The replies mailbox ({}) is readable again", mailbox);
            }
            if (organizationId != null) {
                accounts.clearError(organizationId);
            }
        } catch (DataAccessException | TransactionException e) {
            log.warn(
                    "Replies not recorded: the database is not reachable ({}); they stay unread",
                    e.getClass().getSimpleName());
        } catch (MessagingException e) {
            if (unreachable.add(mailbox)) {
                log.warn(
                        "Cannot read the replies mailbox ({}) at {}:{} ({}); trying again",
                        mailbox,
                        settings.imapHost(),
                        settings.imapPort(),
                        e.getClass().getSimpleName());
            }
            if (organizationId != null) {
                accounts.recordError(
                        organizationId,
                        e instanceof AuthenticationFailedException
                                ? "The IMAP server refused the user name or password."
                                : "The IMAP server could not be reached.");
            }
        }
    }

    private void read(MimeMessage mime, UUID organizationId) throws MessagingException {
        try {
            Optional<MailParts.Report> report = MailParts.report(mime);
            if (report.isPresent()) {
                Optional<MessageView> original = original(List.of(report.get().originalMessageId()), organizationId);
                original.ifPresent(o -> inbound.report(o, report.get()));
            } else {
                List<String> ids = new ArrayList<>(MailIds.ids(mime.getHeader("In-Reply-To", " ")));
                List<String> references = MailIds.ids(mime.getHeader("References", " "));
                ids.addAll(references.reversed());
                Optional<MessageView> original = original(ids, organizationId);
                if (original.isPresent()) {
                    String text = MailParts.text(mime);
                    inbound.reply(original.get(), messageId(mime, text), sender(mime), subject(mime), text);
                }
            }
        } catch (DataAccessException | TransactionException e) {
            throw e; // the database is away: the mail stays unread, to be read at a later poll
        } catch (IOException | RuntimeException e) {
            // One unreadable mail must not block the others; it is left read and skipped.
            log.warn(
                    "An inbound mail could not be read ({}); skipped",
                    e.getClass().getSimpleName());
        }
        mime.setFlag(Flags.Flag.SEEN, true);
    }

    /** The message a mail refers to; in an organisation's own mailbox, only one of that organisation's. */
    private Optional<MessageView> original(List<String> rfcIds, UUID organizationId) {
        for (String id : rfcIds) {
            if (id != null) {
                Optional<MessageView> found = messages.byRfcMessageId(id.strip(), organizationId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The mail's Message-ID, by which a mail read twice is recognised; a mail without one (some clients and
     * scripts send none, and not every server adds it) gets one made from what it says.
     */
    private static String messageId(MimeMessage mime, String text) throws MessagingException {
        String id = mime.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        String date = mime.getHeader("Date", null);
        return "<" + Sha256.hex(sender(mime) + "\n" + date + "\n" + mime.getSubject() + "\n" + text)
                + "@no-message-id.openhire>";
    }

    private static String sender(MimeMessage mime) throws MessagingException {
        var from = mime.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
    }

    private static String subject(MimeMessage mime) throws MessagingException {
        String subject = mime.getSubject();
        if (subject == null) {
            return null;
        }
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return subject.length() > 300 ? subject.substring(0, 300) : subject;
    }
}
