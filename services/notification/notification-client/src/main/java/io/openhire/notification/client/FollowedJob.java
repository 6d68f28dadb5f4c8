package io.openhire.notification.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A job the person follows: new strong matches for it are notified to them.
 *
 * @param title the job's title when it was followed
 */
public record FollowedJob(UUID jobId, String title, Instant followedAt) {}
