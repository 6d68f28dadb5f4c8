package io.openhire.communication.client;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A recruiter proposes an interview: 1–20 slots, as local times in {@code timeZone} (IANA, e.g.
 * {@code Europe/Berlin}), each in the future; the candidate gets an email with a link to pick one.
 *
 * @param durationMinutes 15–480
 * @param location a room's address or a video link, shown in the invitation
 */
public record InterviewRequest(
        UUID candidateId,
        UUID jobId,
        String title,
        Integer durationMinutes,
        String timeZone,
        List<LocalDateTime> slots,
        String location) {}
