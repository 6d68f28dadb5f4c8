package io.openhire.notification.client;

import io.openhire.notification.events.NotificationType;
import java.util.Map;

/** Which notifications a person wants in the app, by type (a type not listed is on). */
public record NotificationSettings(Map<NotificationType, Boolean> inApp) {}
