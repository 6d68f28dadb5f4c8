package io.openhire.resumeprocessing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resume could not become a profile: {@code FAILED} (unreadable, encrypted, not a resume) or
 * {@code NEEDS_OCR} (a scanned document and no OCR engine installed). The original is kept either way.
 *
 * @param resumeId the resume (also the Kafka key)
 * @param organizationId the owning organisation
 * @param revision as in {@link ResumeParsed}
 * @param status {@code FAILED} or {@code NEEDS_OCR}
 * @param reason a sentence for the user, without document content
 * @param parserVersion the parser that tried
 * @param occurredAt when it gave up
 */
public record ResumeParseFailed(
        UUID resumeId,
        UUID organizationId,
        int revision,
        String status,
        String reason,
        String parserVersion,
        Instant occurredAt) {

    public static final String TOPIC = "resume.parse-failed.v1";
}
