package io.openhire.resumeingestion.mailbox;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the mailboxes on a fixed delay; a lease in the database keeps two instances off one mailbox. */
@Component
class MailboxPoller {

    private final MailboxService mailboxes;

    MailboxPoller(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Scheduled(
            fixedDelayString = "${openhire.resume-ingestion.mailbox.poll-interval}",
            initialDelayString = "${openhire.resume-ingestion.mailbox.poll-interval}")
    void poll() {
        mailboxes.pollDue();
    }
}
