package io.openhire.notification.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification was stored: pages showing a bell refresh it. No title or text in the event.
 *
 * @param notificationId the notification (also the Kafka key)
 * @param userId the one person it is for, or null for every staff member of the organisation
 */
public record NotificationCreated(
        UUID notificationId, UUID organizationId, UUID userId, NotificationType type, Instant occurredAt) {

    public static final String TOPIC = "notification.created.v1";
}
