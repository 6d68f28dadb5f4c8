package io.openhire.communication.client;

import io.openhire.communication.events.Channel;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The same message, personalised, to several candidates (e.g. a job's shortlist): 1–1,000 candidates. A
 * candidate who cannot be written to (no address, suppressed, no consent for marketing) is listed with the
 * reason and gets nothing; the others are queued.
 */
public record BulkSendRequest(
        Channel channel,
        List<UUID> candidateIds,
        UUID templateId,
        String subject,
        String body,
        UUID jobId,
        Map<String, String> variables,
        MessageKind kind) {}
