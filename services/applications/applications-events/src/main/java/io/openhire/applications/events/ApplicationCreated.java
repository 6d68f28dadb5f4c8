package io.openhire.applications.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A candidate applied, or was added, to a job. Ids only: who the candidate is stays in applications.
 *
 * @param applicationId the application (also the Kafka key)
 * @param source {@code CAREER_SITE}, {@code JOB_BOARD}, {@code REFERRAL}, {@code EMAIL}, {@code UPLOAD} or
 *     {@code MATCHING}
 * @param resumeId the resume the application rests on, if any
 * @param stageId the first stage
 * @param actor who added it ({@code user:…}), or {@code candidate} for an application by the person
 */
public record ApplicationCreated(
        UUID applicationId,
        UUID organizationId,
        UUID candidateId,
        UUID jobId,
        String source,
        UUID resumeId,
        UUID stageId,
        StageCategory stageCategory,
        String actor,
        Instant occurredAt) {

    public static final String TOPIC = "application.created.v1";
}
