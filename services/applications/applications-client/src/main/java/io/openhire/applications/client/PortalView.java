package io.openhire.applications.client;

import io.openhire.applications.events.StageCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a signed-in candidate sees of themself: the fields read from their resume beside their corrections (the
 * "parse receipt"), their applications and stages, their consents and resumes.
 */
public record PortalView(
        UUID candidateId,
        Map<String, CandidateField> fields,
        List<String> skills,
        List<String> titles,
        List<Application> applications,
        List<Consent> consents,
        List<CandidateView.Resume> resumes) {

    /**
     * One of the candidate's applications as they see it: the stage's name and category, never notes, ratings or
     * reasons.
     *
     * @param open true while it can still be withdrawn (not hired, rejected or withdrawn)
     */
    public record Application(
            UUID id,
            UUID jobId,
            String jobTitle,
            String employer,
            String stageName,
            StageCategory stageCategory,
            Instant stageEnteredAt,
            Instant appliedAt,
            boolean open) {}

    /** Consent to processing, with the privacy notice's version it was given under. */
    public record Consent(String purpose, int noticeVersion, Instant givenAt, Instant withdrawnAt) {}
}
