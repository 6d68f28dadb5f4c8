package io.openhire.resumeprocessing.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A resume's latest parse, as {@code GET /api/v1/resumes/{id}/profile} answers it.
 *
 * @param status {@code PARSED}, or why there is no profile: the text extraction's outcome ({@code NEEDS_OCR},
 *     {@code FAILED})
 * @param reason a human-readable explanation when not parsed
 * @param revision grows with every parse of the resume
 * @param parseMillis how long the parse took
 * @param profile the structured resume; null unless {@code PARSED}
 * @param text the extracted text, only when asked for ({@link ResumeProcessingApi#profileWithText}); left
 *     out of the JSON otherwise
 */
public record ProfileView(
        UUID resumeId,
        String status,
        String reason,
        int revision,
        String parserVersion,
        String taxonomyVersion,
        int parseMillis,
        Instant parsedAt,
        CandidateProfile profile,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text) {

    public static final String PARSED = "PARSED";

    /** True when the resume was parsed into a profile. */
    public boolean parsed() {
        return PARSED.equals(status) && profile != null;
    }
}
