package io.openhire.resumeingestion.mailbox;

import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.PublicHosts;
import io.openhire.resumeingestion.ResumeIngestionConfiguration.MailboxSecrets;
import io.openhire.resumeingestion.ResumeIngestionProperties;
import io.openhire.resumeingestion.intake.ResumeIntake;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Email intake. Each unread message of a configured IMAP folder is read without marking it (IMAP
 * {@code BODY.PEEK}); each attachment that is a resume goes through {@link ResumeIntake} like an upload,
 * linked to the sender; only when all of them are stored is the message recorded as processed and
 * flagged {@code \Seen}. A failure half-way leaves the message unread, to be taken again at the next
 * poll, where the duplicates check makes the retry harmless.
 */
@Service
public class MailboxService {

    private static final Logger log = LoggerFactory.getLogger(MailboxService.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    /**
     * What an admin sees when the mail server could not be reached, whatever the reason: "refused",
     * "timed out", "not an IMAP server" or "a private address" would let them map hosts and ports
     * through OpenHire (issue 14). The reason is logged at debug level.
     */
    static final String UNREACHABLE = "The mail server could not be reached.";

    /** What one poll did. */
    public record PollResult(int messages, int resumes, int skippedAttachments, String error) {}

    record Attachment(String fileName, byte[] bytes) {}

    private final Mailboxes mailboxes;
    private final ResumeIntake intake;
    private final MailboxSecrets secrets;
    private final ResumeIngestionProperties properties;
    private final boolean allowPrivateHosts;

    MailboxService(
            Mailboxes mailboxes,
            ResumeIntake intake,
            MailboxSecrets secrets,
            ResumeIngestionProperties properties,
            @Value("${openhire.resume-ingestion.mailbox.allow-private-hosts:false}") boolean allowPrivateHosts) {
        this.mailboxes = mailboxes;
        this.intake = intake;
        this.secrets = secrets;
        this.properties = properties;
        this.allowPrivateHosts = allowPrivateHosts;
    }

    public Mailbox add(
            UUID organizationId, String host, int port, boolean tls, String username, String password, String folder) {
        checkHostAllowed(host);
        UUID id = UUID.randomUUID();
        Mailbox draft = new Mailbox(
                id, organizationId, host, port, tls, username, null, folder, true, null, null, null, null, 0);
        byte[] sealed = secrets.cipher().seal(password.getBytes(StandardCharsets.UTF_8), draft.secretContext());
        mailboxes.insert(new Mailbox(
                id, organizationId, host, port, tls, username, sealed, folder, true, null, null, null, null, 0));
        return mailboxes.find(organizationId, id).orElseThrow();
    }

    public List<Mailbox> list(UUID organizationId) {
        return mailboxes.list(organizationId);
    }

    public void delete(UUID organizationId, UUID id) {
        if (!mailboxes.delete(organizationId, id)) {
            throw DomainException.notFound("The mailbox");
        }
    }

    /** Polls one mailbox of the organisation now (an admin's "check now"). */
    public PollResult pollNow(UUID organizationId, UUID id) {
        Mailbox mailbox = mailboxes.find(organizationId, id).orElseThrow(() -> DomainException.notFound("The mailbox"));
        if (!mailboxes.lease(mailbox.id(), LEASE)) {
            throw DomainException.conflict(
                    "poll-in-progress", "This mailbox is being polled right now; try again shortly.");
        }
        return pollLeased(mailbox);
    }

    /** Polls every enabled mailbox that no other instance is polling. */
    public void pollDue() {
        for (Mailbox mailbox : mailboxes.due()) {
            if (mailboxes.lease(mailbox.id(), LEASE)) {
                pollLeased(mailbox);
            }
        }
    }

    private PollResult pollLeased(Mailbox mailbox) {
        PollResult result;
        try {
            result = poll(mailbox);
        } catch (MessagingException | IOException | RuntimeException e) {
            String error = describe(e);
            log.warn("Polling mailbox {} failed: {}", mailbox.id(), error);
            result = new PollResult(0, 0, 0, error);
        }
        mailboxes.release(mailbox.id(), result.error(), result.resumes());
        return result;
    }

    private PollResult poll(Mailbox mailbox) throws MessagingException, IOException {
        if (!allowPrivateHosts) {
            PublicHosts.Verdict verdict = PublicHosts.check(mailbox.host());
            if (verdict != PublicHosts.Verdict.PUBLIC) {
                throw new Unreachable(mailbox, "host is " + verdict, null);
            }
        }
        String protocol = mailbox.tls() ? "imaps" : "imap";
        Properties settings = new Properties();
        String timeout = String.valueOf(properties.mailbox().timeout().toMillis());
        settings.put("mail." + protocol + ".connectiontimeout", timeout);
        settings.put("mail." + protocol + ".timeout", timeout);
        settings.put("mail." + protocol + ".writetimeout", timeout);
        // Read without setting \Seen: a message is marked only once its resumes are stored.
        settings.put("mail." + protocol + ".peek", "true");
        if (mailbox.tls()) {
            settings.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        String password = new String(
                secrets.cipher().open(mailbox.passwordSealed(), mailbox.secretContext()), StandardCharsets.UTF_8);
        int messages = 0;
        int resumes = 0;
        int skipped = 0;
        try (Store store = Session.getInstance(settings).getStore(protocol)) {
            try {
                store.connect(mailbox.host(), mailbox.port(), mailbox.username(), password);
            } catch (jakarta.mail.AuthenticationFailedException wrongPassword) {
                throw wrongPassword; // an IMAP server answered: the admin needs to know
            } catch (MessagingException e) {
                throw new Unreachable(mailbox, e.toString(), e);
            }
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int limit = Math.min(unread.length, properties.mailbox().maxMessagesPerPoll());
                for (int i = 0; i < limit; i++) {
                    Message message = unread[i];
                    String key = messageKey(folder, message);
                    if (!mailboxes.processed(mailbox.id(), key)) {
                        String sender;
                        List<Attachment> attachments;
                        try {
                            sender = sender(message);
                            attachments = attachments(message);
                        } catch (MessagingException | IOException | RuntimeException unreadable) {
                            // A message whose MIME structure cannot be read would stop every poll here:
                            // record it, leave it unread for a person to look at, and go on.
                            log.warn(
                                    "Mailbox {}: a message could not be read ({}); left unread",
                                    mailbox.id(),
                                    unreadable.getClass().getSimpleName());
                            mailboxes.markProcessed(mailbox.id(), key, 0);
                            skipped++;
                            continue;
                        }
                        int stored = 0;
                        for (Attachment attachment : attachments) {
                            try {
                                intake.submit(new ResumeIntake.Submission(
                                        mailbox.organizationId(),
                                        attachment.bytes(),
                                        attachment.fileName(),
                                        "EMAIL",
                                        sender,
                                        null,
                                        "mailbox:" + mailbox.id(),
                                        mailbox.id(),
                                        ResumeIntake.DuplicatesAmong.ORGANISATION));
                                stored++;
                            } catch (DomainException notAResume) {
                                if (isTemporary(notAResume)) {
                                    throw notAResume; // storage away: leave the message for the next poll
                                }
                                skipped++; // a logo, a calendar invite, a damaged file: not a resume
                            }
                        }
                        mailboxes.markProcessed(mailbox.id(), key, stored);
                        resumes += stored;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                    messages++;
                }
            } finally {
                folder.close(false);
            }
        }
        return new PollResult(messages, resumes, skipped, null);
    }

    /** Attachments (and inline parts with a file name) small enough to be resumes. */
    private List<Attachment> attachments(Part part) throws MessagingException, IOException {
        List<Attachment> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
            return found;
        }
        boolean isFile = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!isFile) {
            return found;
        }
        long limit = properties.maxFileSize().toBytes();
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length <= limit) {
                found.add(new Attachment(part.getFileName(), bytes));
            }
        }
        return found;
    }

    private static String messageKey(Folder folder, Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        if (folder instanceof UIDFolder uids) {
            return "uid:" + uids.getUIDValidity() + ":" + uids.getUID(message);
        }
        return "n:" + message.getMessageNumber();
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            return address.getAddress();
        }
        return null;
    }

    /**
     * An organisation's admin chooses the host: unless allowed, it may not be this machine or a private
     * network, so that a mailbox cannot be used to probe the platform's own infrastructure.
     */
    void checkHostAllowed(String host) {
        if (allowPrivateHosts) {
            return;
        }
        switch (PublicHosts.check(host)) {
            case PUBLIC -> {}
            case PRIVATE ->
                throw new DomainException(
                        DomainException.Category.UNPROCESSABLE,
                        "mailbox-host-not-allowed",
                        "Mailbox host not allowed",
                        "The mail server must be on the internet, not a local or private address.");
            case UNKNOWN ->
                throw new DomainException(
                        DomainException.Category.UNPROCESSABLE,
                        "mailbox-host-unknown",
                        "Unknown mail server",
                        "The mail server's name does not resolve.");
        }
    }

    /** Storage or another service is away or slow: the message is worth another try, unlike a bad file. */
    private static boolean isTemporary(DomainException e) {
        return e.category() == DomainException.Category.UNAVAILABLE
                || e.category() == DomainException.Category.TIMED_OUT;
    }

    /** The mail server could not be reached; why is for the log only. */
    private static final class Unreachable extends MessagingException {
        Unreachable(Mailbox mailbox, String reason, Exception cause) {
            super(UNREACHABLE, cause);
            log.debug("Mailbox {}: the mail server could not be reached: {}", mailbox.id(), reason);
        }
    }

    /** An error for the admin, without the password or message content. */
    private static String describe(Exception e) {
        if (e instanceof Unreachable) {
            return UNREACHABLE;
        }
        if (e instanceof jakarta.mail.AuthenticationFailedException) {
            return "The mail server refused the user name or password.";
        }
        if (e instanceof jakarta.mail.FolderNotFoundException) {
            return "The folder does not exist on the mail server.";
        }
        if (e instanceof DomainException problem) {
            return problem.getMessage();
        }
        if (e instanceof MessagingException && e.getCause() instanceof IOException) {
            return UNREACHABLE; // the connection broke off later
        }
        return "Polling failed (" + e.getClass().getSimpleName() + ").";
    }
}
