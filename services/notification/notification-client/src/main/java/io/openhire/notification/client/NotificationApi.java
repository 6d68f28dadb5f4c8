package io.openhire.notification.client;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * notification's API for other services (the dashboard's bell): the signed-in person's notifications, their
 * settings, and announcements.
 */
public interface NotificationApi {

    @GetExchange("/api/v1/notifications")
    NotificationPage notifications(
            @RequestParam(required = false) Boolean unread, @RequestParam int page, @RequestParam int size);

    @GetExchange("/api/v1/notifications/unread")
    UnreadCount unread();

    @PostExchange("/api/v1/notifications/{id}/read")
    void markRead(@PathVariable UUID id);

    @PostExchange("/api/v1/notifications/read")
    void markAllRead();

    @GetExchange("/api/v1/notifications/settings")
    NotificationSettings settings();

    @PutExchange("/api/v1/notifications/settings")
    NotificationSettings saveSettings(@RequestBody NotificationSettings settings);

    /** An announcement (admins and services); answers 201 with what was stored. */
    @PostExchange("/api/v1/notifications/send")
    NotificationView send(@RequestBody SendNotificationRequest request);
}
