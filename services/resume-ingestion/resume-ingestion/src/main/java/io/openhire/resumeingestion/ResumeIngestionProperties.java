package io.openhire.resumeingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize largest resume accepted (413 above it)
 * @param maxPdfPages a PDF with more pages is not a resume (422): bounds the work one upload can cause
 * @param maxExpandedSize DOCX/ODT are ZIP files: more than this once inflated is treated as a
 *     decompression bomb (422)
 * @param mailboxKey base64 of 32 bytes: seals mailbox passwords at rest (AES-256-GCM)
 * @param mailbox IMAP polling
 */
@ConfigurationProperties("openhire.resume-ingestion")
public record ResumeIngestionProperties(
        DataSize maxFileSize, int maxPdfPages, DataSize maxExpandedSize, String mailboxKey, Mailbox mailbox) {

    /**
     * @param pollInterval pause between two polls of all mailboxes
     * @param maxMessagesPerPoll unread messages taken from one mailbox per poll
     * @param timeout connect and read timeout for the IMAP server
     */
    public record Mailbox(Duration pollInterval, int maxMessagesPerPoll, Duration timeout) {}
}
