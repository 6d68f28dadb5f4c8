package io.openhire.notification.client;

import java.util.UUID;

/**
 * An announcement to the organisation's people (or to one of them): a title of at most 200 characters, a text of
 * at most 2,000, and an optional link to a dashboard path.
 */
public record SendNotificationRequest(UUID userId, String title, String text, String link) {}
