package io.openhire.communication.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interview and where it stands: {@code PROPOSED} (slots offered), {@code BOOKED} ({@code startsAt} agreed),
 * {@code CANCELLED}.
 *
 * @param slots the offered start times (instants; {@code timeZone} is the recruiter's)
 * @param sequence the calendar invitation's version (raised by each reschedule)
 * @param bookingUrl the candidate's link, only in the answer that created the interview (it is not kept)
 */
public record InterviewView(
        UUID id,
        UUID candidateId,
        UUID jobId,
        String title,
        int durationMinutes,
        String timeZone,
        String location,
        String status,
        List<Instant> slots,
        Instant startsAt,
        int sequence,
        String cancelReason,
        String createdBy,
        Instant createdAt,
        String bookingUrl) {}
