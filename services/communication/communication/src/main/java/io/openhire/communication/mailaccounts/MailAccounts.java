package io.openhire.communication.mailaccounts;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.client.MailAccountRequest;
import io.openhire.communication.client.MailAccountView;
import io.openhire.platform.crypto.AesGcm;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.PublicHosts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Organisations' own mail servers (distributed mode). An organisation with an account sends through its SMTP
 * relay as its own sender and reads replies from its IMAP mailbox; the others use the platform's configured mail
 * server. Passwords are sealed with a key derived from {@code openhire.communication.key}, bound to the
 * organisation and protocol (a sealed password copied to another row does not open). The hosts an admin names
 * must be on the internet (not this machine or a private network, unless
 * {@code openhire.communication.allow-private-mail-hosts}), checked when saved and again at every connection.
 */
@Service
public class MailAccounts {

    private static final Logger log = LoggerFactory.getLogger(MailAccounts.class);
    /** Connecting to an organisation's server while saving waits at most this long per server. */
    private static final Duration TRY_TIMEOUT = Duration.ofSeconds(10);

    /** An account as stored, its passwords still sealed. */
    record Stored(
            UUID organizationId,
            String smtpHost,
            int smtpPort,
            String smtpUser,
            byte[] smtpPasswordSealed,
            String from,
            String replyTo,
            String imapHost,
            Integer imapPort,
            String imapUser,
            byte[] imapPasswordSealed,
            boolean tls,
            String updatedBy,
            Instant updatedAt,
            String lastError,
            Instant lastErrorAt) {}

    private final JdbcClient jdbc;
    private final CommunicationProperties properties;
    private final boolean allowPrivateHosts;
    private final Clock clock;
    private volatile AesGcm cipher;

    MailAccounts(
            JdbcClient jdbc,
            CommunicationProperties properties,
            @Value("${openhire.communication.allow-private-mail-hosts:false}") boolean allowPrivateHosts,
            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.allowPrivateHosts = allowPrivateHosts;
        this.clock = clock;
    }

    public Optional<MailAccountView> view(UUID org) {
        return find(org).map(MailAccounts::view);
    }

    /**
     * Checks the request, signs in to the servers with it (SMTP, then IMAP when given), and only then stores it:
     * a typo is a 422 that says which server and why, and changes nothing.
     */
    public MailAccountView save(UUID org, MailAccountRequest request, String actor) {
        if (request == null) {
            throw DomainException.invalidField("smtpHost", "is required");
        }
        String smtpHost = host("smtpHost", request.smtpHost(), true);
        int smtpPort = port("smtpPort", request.smtpPort(), 587);
        boolean tls = request.tls() == null || request.tls();
        String imapHost = host("imapHost", request.imapHost(), false);
        Integer imapPort = imapHost == null ? null : port("imapPort", request.imapPort(), tls ? 993 : 143);
        String from = address("from", request.from(), true);
        String replyTo = address("replyTo", request.replyTo(), false);
        String smtpUser = blankToNull(request.smtpUser());
        String imapUser = blankToNull(request.imapUser());
        if (imapHost != null && imapUser == null) {
            throw DomainException.invalidField("imapUser", "is required to read the mailbox");
        }
        Optional<Stored> existing = find(org);
        String smtpPassword = request.smtpPassword() != null
                ? request.smtpPassword()
                : existing.filter(e -> e.smtpPasswordSealed() != null && smtpUser != null)
                        .map(e -> open(e.smtpPasswordSealed(), org, "smtp"))
                        .orElse(null);
        String imapPassword = request.imapPassword() != null
                ? request.imapPassword()
                : existing.filter(e -> e.imapPasswordSealed() != null && imapHost != null)
                        .map(e -> open(e.imapPasswordSealed(), org, "imap"))
                        .orElse(null);
        if (smtpUser != null && smtpPassword == null) {
            throw DomainException.invalidField("smtpPassword", "is required with smtpUser");
        }
        if (imapHost != null && imapPassword == null) {
            throw DomainException.invalidField("imapPassword", "is required to read the mailbox");
        }
        CommunicationProperties.Mail mail = new CommunicationProperties.Mail(
                smtpHost,
                smtpPort,
                smtpUser,
                smtpPassword,
                from,
                replyTo,
                imapHost,
                imapPort == null ? 0 : imapPort,
                imapUser,
                imapPassword,
                tls,
                TRY_TIMEOUT);
        trySmtp(mail);
        if (imapHost != null) {
            tryImap(mail);
        }
        jdbc.sql("""
                        INSERT INTO mail_account (organization_id, smtp_host, smtp_port, smtp_user, smtp_password_sealed,
                            from_address, reply_to, imap_host, imap_port, imap_user, imap_password_sealed, tls,
                            updated_by, updated_at)
                        VALUES (:org, :smtpHost, :smtpPort, :smtpUser, :smtpPassword, :from, :replyTo, :imapHost,
                            :imapPort, :imapUser, :imapPassword, :tls, :actor, :now)
                        ON CONFLICT (organization_id) DO UPDATE SET smtp_host = :smtpHost, smtp_port = :smtpPort,
                            smtp_user = :smtpUser, smtp_password_sealed = :smtpPassword, from_address = :from,
                            reply_to = :replyTo, imap_host = :imapHost, imap_port = :imapPort, imap_user = :imapUser,
                            imap_password_sealed = :imapPassword, tls = :tls, updated_by = :actor, updated_at = :now,
                            last_error = NULL, last_error_at = NULL
                        """)
                .param("org", org)
                .param("smtpHost", smtpHost)
                .param("smtpPort", smtpPort)
                .param("smtpUser", smtpUser)
                .param("smtpPassword", smtpPassword == null ? null : seal(smtpPassword, org, "smtp"))
                .param("from", from)
                .param("replyTo", replyTo)
                .param("imapHost", imapHost)
                .param("imapPort", imapPort)
                .param("imapUser", imapUser)
                .param("imapPassword", imapPassword == null ? null : seal(imapPassword, org, "imap"))
                .param("tls", tls)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return view(org).orElseThrow();
    }

    /** Back to the platform's mail server; answers whether there was an account. */
    public boolean delete(UUID org) {
        return jdbc.sql("DELETE FROM mail_account WHERE organization_id = :org")
                        .param("org", org)
                        .update()
                > 0;
    }

    /** An organisation's own mail server, its passwords opened; empty while it uses the platform's. */
    public Optional<CommunicationProperties.Mail> ownMail(UUID org) {
        return find(org).map(this::opened);
    }

    /** The sender an organisation's messages carry (its own account's, or the platform's). */
    public String fromOf(UUID org) {
        return find(org).map(Stored::from).orElse(properties.mail().from());
    }

    /** The organisations that read replies from their own mailbox, with its settings (passwords opened). */
    public List<OwnMailbox> mailboxes() {
        return jdbc
                .sql("SELECT * FROM mail_account WHERE imap_host IS NOT NULL")
                .query(MailAccounts::stored)
                .list()
                .stream()
                .map(s -> new OwnMailbox(s.organizationId(), opened(s)))
                .toList();
    }

    public record OwnMailbox(UUID organizationId, CommunicationProperties.Mail mail) {}

    /**
     * Whether a connection to an organisation's server may be made now: its name may have come to point inside
     * since it was saved. (The platform's own server is configuration, trusted.)
     */
    public boolean mayConnect(String host) {
        return allowPrivateHosts || PublicHosts.check(host) == PublicHosts.Verdict.PUBLIC;
    }

    /** Records why an organisation's server failed (its admins see it), once per change. */
    public void recordError(UUID org, String error) {
        jdbc.sql("""
                        UPDATE mail_account SET last_error = :error, last_error_at = :now
                        WHERE organization_id = :org AND last_error IS DISTINCT FROM :error
                        """)
                .param("org", org)
                .param("error", error)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The organisation's server worked again. */
    public void clearError(UUID org) {
        jdbc.sql("""
                        UPDATE mail_account SET last_error = NULL, last_error_at = NULL
                        WHERE organization_id = :org AND last_error IS NOT NULL
                        """).param("org", org).update();
    }

    private Optional<Stored> find(UUID org) {
        return jdbc.sql("SELECT * FROM mail_account WHERE organization_id = :org")
                .param("org", org)
                .query(MailAccounts::stored)
                .optional();
    }

    private CommunicationProperties.Mail opened(Stored s) {
        return new CommunicationProperties.Mail(
                s.smtpHost(),
                s.smtpPort(),
                s.smtpUser(),
                s.smtpPasswordSealed() == null ? null : open(s.smtpPasswordSealed(), s.organizationId(), "smtp"),
                s.from(),
                s.replyTo() == null ? s.from() : s.replyTo(),
                s.imapHost(),
                s.imapPort() == null ? 0 : s.imapPort(),
                s.imapUser(),
                s.imapPasswordSealed() == null ? null : open(s.imapPasswordSealed(), s.organizationId(), "imap"),
                s.tls(),
                properties.mail().timeout());
    }

    private void trySmtp(CommunicationProperties.Mail mail) {
        try (Transport transport = MailSessions.smtp(mail).getTransport("smtp")) {
            transport.connect(mail.smtpHost(), mail.smtpPort(), mail.smtpUser(), mail.smtpPassword());
        } catch (AuthenticationFailedException e) {
            throw refused("smtp", "The SMTP server refused the user name or password.");
        } catch (MessagingException e) {
            log.info(
                    "Trying an organisation's SMTP server failed: {}",
                    e.getClass().getSimpleName());
            throw refused(
                    "smtp",
                    "The SMTP server could not be reached or did not speak SMTP" + (mail.tls() ? " with STARTTLS" : "")
                            + ".");
        }
    }

    private void tryImap(CommunicationProperties.Mail mail) {
        try (Store store = MailSessions.imap(mail).getStore()) {
            store.connect(mail.imapHost(), mail.imapPort(), mail.imapUser(), mail.imapPassword());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            inbox.close(false);
        } catch (AuthenticationFailedException e) {
            throw refused("imap", "The IMAP server refused the user name or password.");
        } catch (MessagingException e) {
            log.info(
                    "Trying an organisation's IMAP server failed: {}",
                    e.getClass().getSimpleName());
            throw refused(
                    "imap",
                    "The IMAP server could not be reached, did not speak IMAP" + (mail.tls() ? " over TLS" : "")
                            + ", or has no INBOX.");
        }
    }

    private static DomainException refused(String server, String detail) {
        return new DomainException(
                        DomainException.Category.UNPROCESSABLE,
                        "mail-server-refused",
                        "The mail server did not accept the settings",
                        detail + " Nothing was saved.")
                .with("server", server);
    }

    private String host(String field, String host, boolean required) {
        String h = blankToNull(host);
        if (h == null) {
            if (required) {
                throw DomainException.invalidField(field, "is required");
            }
            return null;
        }
        h = h.strip();
        if (h.length() > 253 || !h.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw DomainException.invalidField(field, "must be a host name such as smtp.example.com");
        }
        if (!allowPrivateHosts) {
            switch (PublicHosts.check(h)) {
                case PUBLIC -> {}
                case PRIVATE ->
                    throw new DomainException(
                            DomainException.Category.UNPROCESSABLE,
                            "mail-host-not-allowed",
                            "Mail server not allowed",
                            "The mail server must be on the internet, not a local or private address.");
                case UNKNOWN ->
                    throw new DomainException(
                            DomainException.Category.UNPROCESSABLE,
                            "mail-host-unknown",
                            "Unknown mail server",
                            "The mail server's name (" + field + ") does not resolve.");
            }
        }
        return h;
    }

    private static int port(String field, Integer port, int otherwise) {
        if (port == null) {
            return otherwise;
        }
        if (port < 1 || port > 65_535) {
            throw DomainException.invalidField(field, "must be a port from 1 to 65535");
        }
        return port;
    }

    private static String address(String field, String address, boolean required) {
        String a = blankToNull(address);
        if (a == null) {
            if (required) {
                throw DomainException.invalidField(field, "is required, e.g. Acme Recruiting <jobs@acme.example>");
            }
            return null;
        }
        try {
            InternetAddress parsed = new InternetAddress(a.strip(), true);
            String at = parsed.getAddress();
            if (at.length() > 254 || !at.matches("[^@\\s]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+")) {
                throw new AddressException(a);
            }
            return parsed.toString();
        } catch (AddressException e) {
            throw DomainException.invalidField(field, "must be an address such as Acme Recruiting <jobs@acme.example>");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private byte[] seal(String password, UUID org, String protocol) {
        return cipher().seal(password.getBytes(StandardCharsets.UTF_8), context(org, protocol));
    }

    private String open(byte[] sealed, UUID org, String protocol) {
        return new String(cipher().open(sealed, context(org, protocol)), StandardCharsets.UTF_8);
    }

    private static String context(UUID org, String protocol) {
        return "mail-account:" + org + ":" + protocol;
    }

    /**
     * AES-GCM under a key derived from {@code openhire.communication.key} (HMAC-SHA256 with a label of its own):
     * the unsubscribe links' HMAC key is not used for encryption itself.
     */
    private AesGcm cipher() {
        if (cipher == null) {
            if (properties.key() == null || properties.key().isBlank()) {
                throw new IllegalStateException(
                        "openhire.communication.key is not set (base64 of 32 random bytes; OPENHIRE_COMMUNICATION_KEY)");
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(
                        Base64.getDecoder().decode(properties.key().strip()), "HmacSHA256"));
                byte[] derived = mac.doFinal(
                        "openhire communication mail-account passwords v1".getBytes(StandardCharsets.UTF_8));
                cipher = AesGcm.fromBase64Key(
                        "openhire.communication.key", Base64.getEncoder().encodeToString(derived));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }
        return cipher;
    }

    private static MailAccountView view(Stored s) {
        return new MailAccountView(
                s.smtpHost(),
                s.smtpPort(),
                s.smtpUser(),
                s.smtpPasswordSealed() != null,
                s.from(),
                s.replyTo(),
                s.imapHost(),
                s.imapPort(),
                s.imapUser(),
                s.imapPasswordSealed() != null,
                s.tls(),
                s.updatedBy(),
                s.updatedAt(),
                s.lastError(),
                s.lastErrorAt());
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Timestamp errorAt = rs.getTimestamp("last_error_at");
        return new Stored(
                rs.getObject("organization_id", UUID.class),
                rs.getString("smtp_host"),
                rs.getInt("smtp_port"),
                rs.getString("smtp_user"),
                rs.getBytes("smtp_password_sealed"),
                rs.getString("from_address"),
                rs.getString("reply_to"),
                rs.getString("imap_host"),
                (Integer) rs.getObject("imap_port"),
                rs.getString("imap_user"),
                rs.getBytes("imap_password_sealed"),
                rs.getBoolean("tls"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("last_error"),
                errorAt == null ? null : errorAt.toInstant());
    }
}
