package io.openhire.applications.client;

import io.openhire.applications.events.StageCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application with its stage and (when one application is asked for) its history, newest move first.
 *
 * @param candidateName null when the candidate's resume gave no name
 * @param stageReason why it is in its stage (a rejection's reason), if a reason was given
 * @param answers the applicant's answers to the job's questions (career site), empty otherwise
 * @param history empty in lists
 */
public record ApplicationView(
        UUID id,
        UUID candidateId,
        String candidateName,
        UUID jobId,
        String jobTitle,
        UUID resumeId,
        ApplicationSource source,
        String sourceDetail,
        UUID stageId,
        String stageName,
        StageCategory stageCategory,
        Instant stageEnteredAt,
        String stageReason,
        String createdBy,
        Instant createdAt,
        List<Answer> answers,
        List<StageChangeView> history) {}
