package io.openhire.dashboard.web;

import io.openhire.matching.client.CandidateContact;
import io.openhire.matching.client.MatchingApi;
import io.openhire.notification.client.NotificationApi;
import io.openhire.notification.client.NotificationSettings;
import io.openhire.notification.events.NotificationType;
import io.openhire.platform.web.ProblemException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The bell in the menu (its unread count, refreshed live) and the notifications page: the person's
 * notifications, newest first, "mark all read", and which types they want.
 */
@Controller
class NotificationsPage {

    /** The settings form's labels, in the order shown. */
    static final Map<NotificationType, String> TYPES = new EnumMap<>(Map.of(
            NotificationType.CANDIDATE_REPLIED, "A candidate replied",
            NotificationType.INTERVIEW_SCHEDULED, "An interview was booked or moved",
            NotificationType.INTERVIEW_CANCELLED, "An interview was cancelled",
            NotificationType.RESUME_FAILED, "A resume could not be read",
            NotificationType.ANNOUNCEMENT, "Announcements from admins"));

    private final NotificationApi notifications;
    private final MatchingApi matching;

    NotificationsPage(NotificationApi notifications, MatchingApi matching) {
        this.notifications = notifications;
        this.matching = matching;
    }

    /** The bell's label: "Notifications" and the unread count, or just the word when the service is away. */
    @GetMapping("/notifications/bell")
    String bell(Model model) {
        long unread;
        try {
            unread = notifications.unread().unread();
        } catch (RuntimeException e) {
            unread = 0;
        }
        model.addAttribute("unread", unread);
        return "notifications :: bell";
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0 || page > 10_000) {
            throw ProblemException.badRequest("page", "No such page.");
        }
        model.addAttribute("title", "Notifications");
        model.addAttribute("list", notifications.notifications(null, page, 25));
        model.addAttribute("page", page);
        model.addAttribute("settings", notifications.settings().inApp());
        model.addAttribute("types", TYPES);
        return "notifications";
    }

    @PostMapping("/notifications/read")
    String markAllRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/settings")
    String saveSettings(@RequestParam Map<String, String> form) {
        Map<NotificationType, Boolean> inApp = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            inApp.put(type, form.containsKey(type.name()));
        }
        notifications.saveSettings(new NotificationSettings(inApp));
        return "redirect:/notifications";
    }

    /** A notification's link to a candidate by their candidate id: their newest resume's page. */
    @GetMapping("/candidates/of/{candidateId}")
    String candidate(@PathVariable UUID candidateId) {
        try {
            CandidateContact contact = matching.candidate(candidateId);
            if (!contact.resumeIds().isEmpty()) {
                return "redirect:/candidates/" + contact.resumeIds().getFirst();
            }
        } catch (HttpClientErrorException.NotFound e) {
            // answered below
        }
        throw ProblemException.notFound("The candidate");
    }
}
