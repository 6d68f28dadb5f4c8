package io.openhire.privacy.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A data-subject request as the organisation's admins see it. {@code subject} is the email half-masked
 * ("j***@example.com"); the person's details are given only to the answering services, and dropped when the
 * request closes. {@code answers} lists every service whose answer completes it. {@code details} is what the person
 * asked, in their words, while the request is open (dropped with the person when it closes).
 */
public record DataSubjectRequest(
        UUID id,
        String type,
        String status,
        String subject,
        String source,
        Instant receivedAt,
        Instant dueAt,
        Instant completedAt,
        boolean overdue,
        String requestedBy,
        String resolution,
        boolean exportReady,
        List<RequestAnswer> answers,
        String details) {}
