package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job's applications by stage: one column per stage (every stage, even empty), cards oldest in the stage
 * first.
 */
public record Board(UUID jobId, String jobTitle, List<Column> columns) {

    public record Column(StageView stage, long count, List<Card> cards) {}

    /**
     * @param headline the candidate's headline or current title
     * @param reason why they are in this stage (a rejection's reason), if a reason was given
     */
    public record Card(
            UUID applicationId,
            UUID candidateId,
            String candidateName,
            String headline,
            ApplicationSource source,
            Instant stageEnteredAt,
            String reason) {}
}
