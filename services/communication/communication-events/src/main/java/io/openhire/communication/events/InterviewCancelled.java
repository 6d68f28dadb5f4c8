package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An interview is cancelled; if it was booked, both sides got the calendar cancellation.
 *
 * @param wasBooked whether a time had been agreed (else only the proposal was withdrawn)
 */
public record InterviewCancelled(
        UUID interviewId, UUID organizationId, UUID candidateId, UUID jobId, boolean wasBooked, Instant occurredAt) {

    public static final String TOPIC = "interview.cancelled.v1";
}
