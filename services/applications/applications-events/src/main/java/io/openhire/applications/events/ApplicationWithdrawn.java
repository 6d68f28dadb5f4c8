package io.openhire.applications.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The candidate withdrew an application (or a recruiter recorded that they did). It is also a move to the
 * organisation's Withdrawn stage, announced as {@link ApplicationStageChanged} too.
 */
public record ApplicationWithdrawn(
        UUID applicationId, UUID organizationId, UUID candidateId, UUID jobId, String actor, Instant occurredAt) {

    public static final String TOPIC = "application.withdrawn.v1";
}
