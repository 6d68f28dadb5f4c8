package io.openhire.resumeingestion.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openhire.resumeprocessing.client.ProfileView;
import java.time.Instant;
import java.util.UUID;

/**
 * A resume: the original file's facts, where it came from, how far it got. Every field is always there,
 * null when unknown.
 *
 * @param statusReason why it failed or needs OCR
 * @param source {@code UPLOAD}, {@code EMAIL}, {@code API}…
 * @param sha256 of the original file (duplicates are found by it)
 * @param candidateEmail the candidate's address when the uploader gave it
 * @param jobId the job it was sent for, if any
 * @param profile resume-processing's parse, in one resume's answer once it is parsed (never in a list); null
 *     while resume-processing does not answer
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResumeView(
        UUID id,
        ResumeStatus status,
        String statusReason,
        String source,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        String candidateEmail,
        UUID jobId,
        Instant receivedAt,
        Instant statusChangedAt,
        ProfileView profile) {}
