package io.openhire.communication.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A phone call a recruiter had (or tried to have) with a candidate, recorded on their conversation.
 *
 * @param direction {@code OUTBOUND} (the recruiter called) or {@code INBOUND}
 * @param outcome {@code CONNECTED}, {@code NO_ANSWER}, {@code VOICEMAIL}, {@code BUSY} or {@code WRONG_NUMBER}
 * @param durationMinutes 0–600, optional
 * @param notes what was said, at most 5,000 characters, optional
 * @param occurredAt when; now when left out; not in the future, not over a year ago
 */
public record CallRequest(
        UUID candidateId,
        String direction,
        String outcome,
        Integer durationMinutes,
        String notes,
        Instant occurredAt) {}
