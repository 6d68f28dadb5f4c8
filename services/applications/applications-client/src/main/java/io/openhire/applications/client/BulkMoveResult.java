package io.openhire.applications.client;

import java.util.List;
import java.util.UUID;

/**
 * What a bulk move did: all the applications move, or none (then the answer is a problem).
 *
 * @param moved the applications now in the stage
 * @param unchanged those that were in it already
 */
public record BulkMoveResult(List<UUID> moved, List<UUID> unchanged) {}
