package io.openhire.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The all-in-one's mail server (GreenMail): SMTP on 3025 and IMAP on 3143, on the loopback address. Every email
 * communication sends really travels over SMTP and lands in the recipient's mailbox here, which any mail client
 * reads over IMAP (user and password: the address; mailboxes are made on first delivery). communication reads
 * replies and bounces from its own mailbox, {@value #REPLIES}. Mail is kept in memory: a restart empties the
 * mailboxes (what communication recorded stays).
 */
final class EmbeddedMailServer {

    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final String REPLIES = "replies@openhire.local";

    private GreenMail mail;

    /** Starts it; {@code repliesPassword} is communication's password for its replies mailbox. */
    void start(String repliesPassword) {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, AllInOne.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, AllInOne.LOOPBACK, ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        server.setUser(REPLIES, REPLIES, repliesPassword);
        mail = server;
    }

    void stop() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }
}
