package io.openhire.communication.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An interview is booked (the candidate picked a slot) or moved to a new time (a recruiter rescheduled it);
 * both sides got the calendar invitation. Times are instants; {@code timeZone} is the one the recruiter
 * proposed in (IANA).
 *
 * @param interviewId the interview (also the Kafka key)
 * @param sequence the invitation's version: 0 when booked, higher after each reschedule
 */
public record InterviewScheduled(
        UUID interviewId,
        UUID organizationId,
        UUID candidateId,
        UUID jobId,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int sequence,
        Instant occurredAt) {

    public static final String TOPIC = "interview.scheduled.v1";
}
