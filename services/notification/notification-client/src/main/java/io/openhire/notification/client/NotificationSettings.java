package io.openhire.notification.client;

import io.openhire.notification.events.NotificationType;
import java.util.Map;

/**
 * What a person wants to hear of. In a change ({@code PUT}) a map or field left out, or a type left out of a map,
 * stays as it was.
 *
 * @param inApp per type, whether it shows in the app (a type never set is on)
 * @param email per type, whether it is emailed, at once or in a daily digest (a type never set is off)
 * @param strongMatchScore the score (0–100, as rankings show it) from which a new candidate for a followed job is worth hearing of
 * @param emailAddress where the emails go: the person's address at sign-in, read when they last changed their
 *     settings (ignored in a change)
 */
public record NotificationSettings(
        Map<NotificationType, Boolean> inApp,
        Map<NotificationType, EmailDelivery> email,
        Double strongMatchScore,
        String emailAddress) {}
