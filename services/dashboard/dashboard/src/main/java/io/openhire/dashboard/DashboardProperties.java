package io.openhire.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param live how long one live-update (SSE) connection lasts before the browser reconnects, and how often
 *     an idle one gets a heartbeat (proxies close silent connections)
 * @param secureCookie when the session cookie is marked {@code Secure} (sent over HTTPS only)
 * @param localMail the all-in-one's embedded mail server, read and answered from the Mail page (off when
 *     its IMAP host is not set: in distributed mode mail goes to real mailboxes)
 */
@ConfigurationProperties("openhire.dashboard")
public record DashboardProperties(Live live, SecureCookie secureCookie, LocalMail localMail) {

    /** Where the local mail server listens (IMAP to read a mailbox, SMTP to answer as its owner). */
    public record LocalMail(String imapHost, int imapPort, String smtpHost, int smtpPort) {

        public boolean enabled() {
            return imapHost != null && !imapHost.isBlank();
        }
    }

    public record Live(Duration timeout, Duration heartbeat) {
        public Live {
            timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
            heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        }
    }

    public enum SecureCookie {
        /**
         * When the request came over HTTPS: to the dashboard itself, or to a trusted proxy in front of it
         * that says so ({@code X-Forwarded-Proto: https}).
         */
        AUTO,
        /** Always, also on plain HTTP (where browsers then never send it back: TLS must end in front). */
        ALWAYS,
        /**
         * Never, also on HTTPS: only where a proxy says https while browsers reach the dashboard over plain
         * HTTP (the cookie would otherwise never come back).
         */
        NEVER
    }

    public DashboardProperties {
        live = live == null ? new Live(null, null) : live;
        secureCookie = secureCookie == null ? SecureCookie.AUTO : secureCookie;
        localMail = localMail == null ? new LocalMail(null, 0, null, 0) : localMail;
    }
}
