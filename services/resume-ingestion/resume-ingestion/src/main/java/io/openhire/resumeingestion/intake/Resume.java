package io.openhire.resumeingestion.intake;

import java.time.Instant;
import java.util.UUID;

/** A resume as resume-ingestion knows it: the original file, where it came from, and how far it got. */
public record Resume(
        UUID id,
        UUID organizationId,
        Status status,
        String statusReason,
        String source,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        String objectKey,
        String candidateEmail,
        UUID jobId,
        String uploadedBy,
        UUID mailboxId,
        Instant receivedAt,
        Instant statusChangedAt) {

    public enum Status {
        RECEIVED,
        PARSED,
        FAILED,
        NEEDS_OCR
    }
}
