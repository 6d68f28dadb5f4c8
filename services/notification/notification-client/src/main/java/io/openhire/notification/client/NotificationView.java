package io.openhire.notification.client;

import io.openhire.notification.events.NotificationType;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification as one person sees it.
 *
 * @param link where in the dashboard it leads (a path such as {@code /candidates/…}), or null
 * @param readAt when this person read it; null while unread
 */
public record NotificationView(
        UUID id, NotificationType type, String title, String text, String link, Instant createdAt, Instant readAt) {}
