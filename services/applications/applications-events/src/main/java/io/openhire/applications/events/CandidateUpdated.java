package io.openhire.applications.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidate's record changed: fields corrected by a person, tags, or another record merged into it. Names the
 * fields, never their values.
 *
 * @param fields the names of the fields that changed ({@code name}, {@code email}, {@code tags}, …)
 * @param mergedCandidateIds records merged into this one (they no longer exist)
 */
public record CandidateUpdated(
        UUID candidateId,
        UUID organizationId,
        List<String> fields,
        List<UUID> mergedCandidateIds,
        String actor,
        Instant occurredAt) {

    public static final String TOPIC = "candidate.updated.v1";
}
