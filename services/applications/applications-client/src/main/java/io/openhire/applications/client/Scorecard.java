package io.openhire.applications.client;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One person's scorecard of an application in one stage. */
public record Scorecard(
        UUID id,
        UUID stageId,
        String stageName,
        String author,
        String authorName,
        Map<String, Integer> ratings,
        int overall,
        String comment,
        Instant updatedAt) {}
