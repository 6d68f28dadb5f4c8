package io.openhire.matching.client;

import java.time.Instant;

/**
 * How far matching's index is, for the caller's organisation.
 *
 * @param candidates the organisation's resumes in matching's tables
 * @param indexedCandidates … and in the index that answers now (equal once the indexer caught up)
 * @param rankerProblem why the newest ranking model could not be loaded, if it could not
 */
public record IndexView(
        Status index,
        int candidates,
        int indexedCandidates,
        int indexedJobs,
        Integer rankerVersion,
        String rankerProblem) {

    /**
     * @param state {@code READY}, {@code BUILDING}…
     * @param building the build under way, if any
     * @param pendingChanges changes waiting for the indexer
     * @param pendingVectors resumes and jobs indexed without their vector, to be retried
     */
    public record Status(
            String state,
            String generationId,
            Integer embeddingVersion,
            Instant generationBuiltAt,
            Build building,
            int pendingChanges,
            int pendingVectors,
            String lastProblem) {}

    /** What a build is doing. */
    public record Build(String generationId, int embeddingVersion, String reason, Instant startedAt, int done) {}
}
