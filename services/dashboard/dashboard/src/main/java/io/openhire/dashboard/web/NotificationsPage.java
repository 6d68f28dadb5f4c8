package io.openhire.dashboard.web;

import io.openhire.matching.client.CandidateContact;
import io.openhire.matching.client.MatchingApi;
import io.openhire.notification.client.EmailDelivery;
import io.openhire.notification.client.NotificationApi;
import io.openhire.notification.client.NotificationSettings;
import io.openhire.notification.events.NotificationType;
import io.openhire.platform.errors.DomainException;
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
    static final Map<NotificationType, String> TYPES = new EnumMap<>(Map.ofEntries(
            Map.entry(NotificationType.CANDIDATE_REPLIED, "A candidate replied"),
            Map.entry(NotificationType.INTERVIEW_SCHEDULED, "An interview was booked or moved"),
            Map.entry(NotificationType.INTERVIEW_CANCELLED, "An interview was cancelled"),
            Map.entry(NotificationType.INTERVIEW_DUE, "An interview starts within the hour"),
            Map.entry(NotificationType.STRONG_MATCH, "A strong new match for a job I follow"),
            Map.entry(NotificationType.MENTIONED, "A colleague mentions me in a note"),
            Map.entry(NotificationType.RESUME_FAILED, "A resume could not be read"),
            Map.entry(NotificationType.JOB_SOURCE_FAILING, "A job source stopped working"),
            Map.entry(NotificationType.MODEL_PROMOTED, "A model was promoted or rolled back"),
            Map.entry(NotificationType.ANNOUNCEMENT, "Announcements from admins"),
            Map.entry(NotificationType.AUDIT_ALERT, "An audit alert rule I set was crossed")));

    /** The email choices, as the form offers them. */
    static final Map<EmailDelivery, String> EMAIL = new EnumMap<>(Map.of(
            EmailDelivery.OFF, "No email", EmailDelivery.INSTANT, "At once", EmailDelivery.DAILY, "Daily digest"));

    private final NotificationApi notifications;
    private final MatchingApi matching;
    private final io.openhire.applications.client.ApplicationsApi applications;

    NotificationsPage(
            NotificationApi notifications,
            MatchingApi matching,
            io.openhire.applications.client.ApplicationsApi applications) {
        this.applications = applications;
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
        model.addAttribute("settings", notifications.settings());
        model.addAttribute("types", TYPES);
        model.addAttribute("emailChoices", EMAIL);
        model.addAttribute("follows", notifications.follows());
        return "notifications";
    }

    @PostMapping("/notifications/read")
    String markAllRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }

    /**
     * The settings form: per type a checkbox ({@code app.TYPE}) and an email choice ({@code email.TYPE}), and the
     * strong-match threshold in percent.
     */
    @PostMapping("/notifications/settings")
    String saveSettings(@RequestParam Map<String, String> form) {
        Map<NotificationType, Boolean> inApp = new EnumMap<>(NotificationType.class);
        Map<NotificationType, EmailDelivery> email = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            inApp.put(type, form.containsKey("app." + type.name()));
            String choice = form.get("email." + type.name());
            if (choice != null) {
                try {
                    email.put(type, EmailDelivery.valueOf(choice));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalidField("By email", "choose No email, At once or Daily digest");
                }
            }
        }
        Double score = null;
        String percent = form.get("strongMatchPercent");
        if (percent != null && !percent.isBlank()) {
            try {
                score = (double) Integer.parseInt(percent.strip());
            } catch (NumberFormatException e) {
                score = -1.0;
            }
            if (score < 0 || score > 100) {
                throw ProblemException.invalidField("Strong matches from", "a whole number from 0 to 100 (%)");
            }
        }
        notifications.saveSettings(new NotificationSettings(inApp, email, score, null));
        return "redirect:/notifications";
    }

    /** Stops following a job, from the list on the notifications page. */
    @PostMapping("/notifications/follows/{jobId}/remove")
    String unfollow(@PathVariable UUID jobId) {
        try {
            notifications.unfollow(jobId);
        } catch (HttpClientErrorException.NotFound alreadyNot) {
            // not followed any more: the page shows it
        }
        return "redirect:/notifications";
    }

    /**
     * A link to a candidate by their candidate id (a notification's, a board card's): their newest resume's page.
     * The pipeline's record first (it follows merges), matching's otherwise.
     */
    @GetMapping("/candidates/of/{candidateId}")
    String candidate(@PathVariable UUID candidateId) {
        try {
            var person = applications.candidate(candidateId);
            if (!person.resumes().isEmpty()) {
                return "redirect:/candidates/" + person.resumes().getFirst().resumeId();
            }
        } catch (HttpClientErrorException.NotFound
                | DomainException
                | org.springframework.web.client.ResourceAccessException e) {
            // not filed there (yet): matching may know them
        }
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
