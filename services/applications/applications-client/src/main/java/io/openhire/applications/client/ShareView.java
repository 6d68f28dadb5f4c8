package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How an application is shared with the job's client, and what the client said (for the recruiter). */
public record ShareView(
        UUID applicationId,
        UUID clientId,
        String clientName,
        boolean shared,
        boolean revealed,
        Instant sharedAt,
        List<ClientFeedbackView> feedback) {}
