package io.openhire.resumeingestion.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resume was handed to OpenHire (uploaded or mailed) and its original is stored. Carries where the
 * original is, never the candidate's contact details.
 *
 * @param resumeId the resume's id (also the Kafka key)
 * @param organizationId the owning organisation
 * @param bucket storage bucket of the original ({@code resumes})
 * @param objectKey storage key of the original, inside the organisation
 * @param mediaType the type detected from the content (not the file name)
 * @param sizeBytes size of the original
 * @param sha256 hex SHA-256 of the original
 * @param source {@code UPLOAD}, {@code EMAIL} or {@code API}, or what the uploader named
 * @param jobId the job it was sent for, when known
 * @param occurredAt when it was received
 */
public record ResumeReceived(
        UUID resumeId,
        UUID organizationId,
        String bucket,
        String objectKey,
        String mediaType,
        long sizeBytes,
        String sha256,
        String source,
        UUID jobId,
        Instant occurredAt) {

    public static final String TOPIC = "resume.received.v1";
}
