package io.openhire.applications.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An application moved from one stage to another: the outcome matching learns from (a move to a screening stage
 * is a shortlist, to a rejection a rejection, …). Ids and categories only.
 *
 * @param changeId this move (also what a consumer remembers it by)
 * @param applicationId the application (also the Kafka key: an application's moves are read in order)
 * @param resumeId the resume the application rests on, if any
 * @param reason the rejection reason chosen from the organisation's list, for a move to a rejection
 * @param undo whether this move takes back the one before it
 */
public record ApplicationStageChanged(
        UUID changeId,
        UUID applicationId,
        UUID organizationId,
        UUID candidateId,
        UUID jobId,
        UUID resumeId,
        UUID fromStageId,
        StageCategory fromCategory,
        UUID toStageId,
        StageCategory toCategory,
        String reason,
        boolean undo,
        String actor,
        Instant occurredAt) {

    public static final String TOPIC = "application.stage-changed.v1";
}
