package io.openhire.resumeingestion.mailbox;

import java.time.Instant;
import java.util.UUID;

/** An IMAP mailbox polled for resumes; the password stays sealed except while connecting. */
public record Mailbox(
        UUID id,
        UUID organizationId,
        String host,
        int port,
        boolean tls,
        String username,
        byte[] passwordSealed,
        String folder,
        boolean enabled,
        Instant createdAt,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        String lastError,
        long resumesReceived) {

    /** Associated data for the sealed password: it opens only for this mailbox of this organisation. */
    public String secretContext() {
        return "mailbox:" + organizationId + ":" + id;
    }
}
