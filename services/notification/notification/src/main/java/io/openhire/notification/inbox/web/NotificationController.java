package io.openhire.notification.inbox.web;

import io.openhire.identity.client.IdentityApi;
import io.openhire.notification.client.EmailDelivery;
import io.openhire.notification.client.NotificationPage;
import io.openhire.notification.client.NotificationSettings;
import io.openhire.notification.client.NotificationView;
import io.openhire.notification.client.SendNotificationRequest;
import io.openhire.notification.client.UnreadCount;
import io.openhire.notification.events.NotificationType;
import io.openhire.notification.inbox.Notifications;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's notifications (staff: admins and recruiters), their settings, and announcements by
 * admins and services. Everything is scoped to the caller's organisation and, for reading, to the caller.
 */
@RestController
@Validated
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";
    /** A dashboard path: no scheme, no host, nothing a browser would run. */
    private static final Pattern LINK = Pattern.compile("/[A-Za-z0-9/_\\-.?=&%]{0,300}");

    private final Notifications notifications;
    private final IdentityApi identity;

    NotificationController(Notifications notifications, IdentityApi identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @GetMapping
    @PreAuthorize(STAFF)
    NotificationPage list(
            AuthenticatedUser caller,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notifications.page(caller.organizationId(), person(caller), Boolean.TRUE.equals(unread), page, size);
    }

    @GetMapping("/unread")
    @PreAuthorize(STAFF)
    UnreadCount unread(AuthenticatedUser caller) {
        return new UnreadCount(notifications.unread(caller.organizationId(), person(caller)));
    }

    @PostMapping("/{id}/read")
    @PreAuthorize(STAFF)
    ResponseEntity<Void> markRead(AuthenticatedUser caller, @PathVariable UUID id) {
        notifications.markRead(caller.organizationId(), person(caller), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    @PreAuthorize(STAFF)
    ResponseEntity<Void> markAllRead(AuthenticatedUser caller) {
        notifications.markAllRead(caller.organizationId(), person(caller));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings")
    @PreAuthorize(STAFF)
    NotificationSettings settings(AuthenticatedUser caller) {
        return notifications.settings(caller.organizationId(), person(caller));
    }

    /**
     * Changes what is given. Choosing email for any type reads the person's address from identity (their own
     * token): emails go to the address they sign in with.
     */
    @PutMapping("/settings")
    @PreAuthorize(STAFF)
    NotificationSettings saveSettings(
            AuthenticatedUser caller,
            @RequestHeader("Authorization") String bearer,
            @RequestBody NotificationSettings settings) {
        UUID person = person(caller);
        boolean emailed = settings != null
                && settings.email() != null
                && settings.email().values().stream().anyMatch(d -> d != null && d != EmailDelivery.OFF);
        String address = emailed ? identity.profile(bearer).email() : null;
        return notifications.saveSettings(caller.organizationId(), person, settings, address);
    }

    @PostMapping("/send")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    ResponseEntity<NotificationView> send(AuthenticatedUser caller, @RequestBody SendNotificationRequest request) {
        if (request == null
                || blankOrLonger(request.title(), 200)
                || request.title().chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("title", "is required, one line of at most 200 characters");
        }
        if (request.text() != null && request.text().length() > 2_000) {
            throw ProblemException.invalidField("text", "at most 2,000 characters");
        }
        if (request.link() != null && !LINK.matcher(request.link()).matches()) {
            throw ProblemException.invalidField("link", "must be a path of the dashboard, such as /jobs/…");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(notifications.create(
                        caller.organizationId(),
                        request.userId(),
                        NotificationType.ANNOUNCEMENT,
                        request.title().strip(),
                        request.text(),
                        request.link(),
                        caller.actor()));
    }

    /** Notifications are per person: an API key or a service has no bell. */
    private static UUID person(AuthenticatedUser caller) {
        if (caller.kind() != AuthenticatedUser.Kind.USER) {
            throw ProblemException.forbidden("Notifications belong to people: sign in as one.");
        }
        return caller.userId();
    }

    private static boolean blankOrLonger(String text, int max) {
        return text == null || text.isBlank() || text.length() > max;
    }
}
