package io.openhire.notification.client;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * notification's API for other services (the dashboard's bell): the signed-in person's notifications, their
 * settings, the jobs they follow, and announcements.
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

    /** The jobs the signed-in person follows, the latest first. */
    @GetExchange("/api/v1/notifications/follows")
    List<FollowedJob> follows();

    /** Follows a job of the organisation (again is harmless); 404 for a job it does not have. */
    @PutExchange("/api/v1/notifications/follows/{jobId}")
    FollowedJob follow(@PathVariable UUID jobId);

    @DeleteExchange("/api/v1/notifications/follows/{jobId}")
    void unfollow(@PathVariable UUID jobId);

    /** An announcement (admins and services); answers 201 with what was stored. */
    @PostExchange("/api/v1/notifications/send")
    NotificationView send(@RequestBody SendNotificationRequest request);
}
