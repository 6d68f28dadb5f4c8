package io.openhire.dashboard.web;

import io.openhire.dashboard.DashboardProperties;
import io.openhire.platform.web.ProblemException;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Mail page of the all-in-one: the mailboxes of its embedded mail server, where every email OpenHire sends
 * lands. Open a candidate's mailbox by their address, read what they got (links are clickable: the booking
 * link, unsubscribe), and answer as them — the answer goes over SMTP to the Reply-To, as a mail client would
 * send it. Off (404) where no local mail server is configured: in distributed mode mail goes to real mailboxes.
 */
@Controller
class LocalMailPages {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final int SHOWN = 50;

    /** A line of the list. */
    record Summary(int number, String from, String subject, Instant date, boolean calendar) {}

    /** A piece of a message's text: plain, or a link. */
    record Piece(String text, boolean link) {}

    private final DashboardProperties.LocalMail mail;

    LocalMailPages(DashboardProperties.LocalMail mail) {
        this.mail = mail;
    }

    @GetMapping("/mail")
    String mailbox(@RequestParam(required = false) String address, Model model) {
        enabled();
        model.addAttribute("title", "Mail");
        model.addAttribute("address", address == null ? "" : address);
        if (address == null || address.isBlank()) {
            return "mail";
        }
        String owner = address(address);
        List<Summary> messages = new ArrayList<>();
        try (Store store = open(owner)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            for (int n = count; n >= 1 && n > count - SHOWN; n--) {
                Message m = inbox.getMessage(n);
                messages.add(new Summary(n, from(m), m.getSubject(), date(m), hasCalendar(m)));
            }
            inbox.close(false);
        } catch (MessagingException | IOException e) {
            model.addAttribute(
                    "error", "The mailbox could not be read (" + e.getClass().getSimpleName() + ").");
        }
        model.addAttribute("messages", messages);
        return "mail";
    }

    @GetMapping("/mail/read")
    String read(@RequestParam String address, @RequestParam int n, Model model) {
        enabled();
        String owner = address(address);
        try (Store store = open(owner)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            if (n < 1 || n > inbox.getMessageCount()) {
                throw ProblemException.notFound("The message");
            }
            Message m = inbox.getMessage(n);
            m.setFlag(Flags.Flag.SEEN, true);
            model.addAttribute("title", m.getSubject() == null ? "Mail" : m.getSubject());
            model.addAttribute("address", owner);
            model.addAttribute("n", n);
            model.addAttribute("message", new Summary(n, from(m), m.getSubject(), date(m), hasCalendar(m)));
            model.addAttribute("pieces", pieces(text(m)));
            inbox.close(false);
        } catch (MessagingException | IOException e) {
            throw ProblemException.badRequest("mail", "The message could not be read.");
        }
        return "mail-message";
    }

    /** Answers the message as the mailbox's owner: to its Reply-To (else its sender), in the same thread. */
    @PostMapping("/mail/reply")
    String reply(@RequestParam String address, @RequestParam int n, @RequestParam String text, Model model) {
        enabled();
        String owner = address(address);
        if (text.isBlank() || text.length() > 20_000) {
            throw ProblemException.badRequest("mail", "Write an answer of at most 20,000 characters.");
        }
        try (Store store = open(owner)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            if (n < 1 || n > inbox.getMessageCount()) {
                throw ProblemException.notFound("The message");
            }
            MimeMessage original = (MimeMessage) inbox.getMessage(n);
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", mail.smtpHost());
            smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
            smtp.put("mail.smtp.connectiontimeout", "5000");
            smtp.put("mail.smtp.timeout", "5000");
            MimeMessage answer = new MimeMessage(Session.getInstance(smtp));
            answer.setFrom(new InternetAddress(owner));
            Address[] replyTo = original.getReplyTo();
            answer.setRecipients(
                    Message.RecipientType.TO, replyTo != null && replyTo.length > 0 ? replyTo : original.getFrom());
            String subject = original.getSubject() == null ? "" : original.getSubject();
            answer.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
            String id = original.getMessageID();
            if (id != null) {
                // RFC 5322 threading: what mail clients set, and what OpenHire finds the conversation by
                answer.setHeader("In-Reply-To", id);
                String references = original.getHeader("References", " ");
                answer.setHeader("References", references == null ? id : references + " " + id);
            }
            answer.setText(text, "UTF-8");
            Transport.send(answer);
            inbox.close(false);
        } catch (MessagingException e) {
            throw ProblemException.badRequest(
                    "mail", "The answer could not be sent (" + e.getClass().getSimpleName() + ").");
        }
        model.addAttribute("notice", "Answer sent as " + owner + ".");
        return mailbox(owner, model);
    }

    private void enabled() {
        if (!mail.enabled()) {
            throw ProblemException.notFound("The page");
        }
    }

    /** One email address: the mailbox's user and password on the local server. */
    private static String address(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            if (!parsed.getAddress().contains("@") || parsed.getAddress().length() > 254) {
                throw new AddressException("no address");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw ProblemException.badRequest("mail", "Enter one email address.");
        }
    }

    private Store open(String owner) throws MessagingException {
        Properties imap = new Properties();
        imap.put("mail.store.protocol", "imap");
        imap.put("mail.imap.connectiontimeout", "5000");
        imap.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(imap).getStore("imap");
        // The local server makes a mailbox at its first mail, with the address as user and password.
        store.connect(mail.imapHost(), mail.imapPort(), owner, owner);
        return store;
    }

    private static String from(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        return from == null || from.length == 0 ? "" : from[0].toString();
    }

    private static Instant date(Message m) throws MessagingException {
        Date sent = m.getSentDate();
        return sent == null ? null : sent.toInstant();
    }

    private static boolean hasCalendar(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/calendar")) {
            return true;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (hasCalendar(parts.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && part.getContent() instanceof String s) {
            return s;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = text(parts.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return part.isMimeType("multipart/*") ? null : "(no plain text)";
    }

    /** The text with its links picked out, so that the page can make them clickable without trusting the text. */
    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null) {
            return pieces;
        }
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()), false));
            }
            pieces.add(new Piece(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), false));
        }
        return pieces;
    }
}
