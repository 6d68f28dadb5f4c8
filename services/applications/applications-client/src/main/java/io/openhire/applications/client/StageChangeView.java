package io.openhire.applications.client;

import java.time.Instant;
import java.util.UUID;

/**
 * One move in an application's history.
 *
 * @param fromStage null for the first stage
 * @param undoes the move this one takes back, if it is an undo
 */
public record StageChangeView(
        UUID id, String fromStage, String toStage, String reason, UUID undoes, String actor, Instant changedAt) {}
