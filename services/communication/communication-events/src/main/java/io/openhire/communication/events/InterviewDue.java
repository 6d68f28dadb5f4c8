package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked interview starts within the hour: the candidate got their reminder, and the organisation's people
 * hear of it (notification).
 */
public record InterviewDue(
        UUID interviewId, UUID organizationId, UUID candidateId, UUID jobId, Instant startsAt, Instant occurredAt) {

    public static final String TOPIC = "interview.due.v1";
}
