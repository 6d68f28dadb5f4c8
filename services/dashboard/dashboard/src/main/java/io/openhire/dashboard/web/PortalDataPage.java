package io.openhire.dashboard.web;

import io.openhire.applications.client.PortalApi;
import io.openhire.applications.client.PortalFileView;
import io.openhire.applications.client.PortalPrivacyRequest;
import io.openhire.applications.client.PortalPrivacyRequestForm;
import io.openhire.dashboard.api.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /portal/data}, "Your data" in the candidate portal: ask the organisation for a copy of your data, its
 * deletion, a correction or a restriction (the law gives it one month), follow those requests, and see who of the
 * organisation looked at your file. Every call carries the candidate's own token: applications files the request
 * for them (who they are comes from their account, not from this form) and shows only their own file.
 */
@Controller
class PortalDataPage {

    /** A kind of request, as the candidate reads it: what they ask for and what happens then. */
    record Choice(String type, String title, String explanation) {}

    static final List<Choice> CHOICES = List.of(
            new Choice(
                    "ACCESS",
                    "A copy of my data",
                    "Everything the organisation holds about you, from every part of its system, gathered into one file that its "
                            + "team sends you. "
                            + "What this portal shows you can also download right away on your applications page."),
            new Choice(
                    "ERASURE",
                    "Delete my data",
                    "Your profile, resumes, applications and messages are deleted. Your open applications end and "
                            + "you can no longer sign in here. This cannot be undone."),
            new Choice(
                    "RECTIFICATION",
                    "Correct my data",
                    "Something the organisation holds about you is wrong: say what below. What was read from your "
                            + "resume you can correct yourself on your applications page."),
            new Choice(
                    "RESTRICTION",
                    "Stop using my data",
                    "Your data is kept but no longer used, for example while you dispute that it is correct."));

    static final Map<String, String> TITLES =
            CHOICES.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Choice::type, Choice::title));

    /** The form's labels, for applications' field errors. */
    static final Map<String, String> FIELDS = Map.of("type", "Request", "details", "What is wrong");

    private final PortalApi portal;
    private final Labels labels;

    PortalDataPage(PortalApi portal, Labels labels) {
        this.portal = portal;
        this.labels = labels;
    }

    /** The page; after a request was sent, with what happens next (each send redirects here: a reload sends nothing). */
    @GetMapping("/portal/data")
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/portal/data/requests")
    String file(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String details,
            @RequestParam(defaultValue = "false") boolean sure,
            RedirectAttributes flash,
            Model model) {
        if ("ERASURE".equals(type) && !sure) {
            // deleting ends their applications and their sign-in: asked twice, as withdrawing consent is
            return refused("Tick the box to confirm that your data is to be deleted.", type, details, model);
        }
        try {
            PortalPrivacyRequest sent = portal.filePrivacyRequest(
                    new PortalPrivacyRequestForm(type, details == null || details.isBlank() ? null : details));
            flash.addFlashAttribute(
                    "notice",
                    sent.dueAt() == null
                            ? "Your request is sent; you can follow it below."
                            : "Your request is sent. The organisation must answer by " + labels.date(sent.dueAt())
                                    + "; you can follow it below.");
            return "redirect:/portal/data";
        } catch (RestClientResponseException e) {
            return refused(ApiProblem.message(e, FIELDS), type, details, model);
        }
    }

    private String refused(String why, String type, String details, Model model) {
        model.addAttribute("formError", why);
        model.addAttribute("typedType", type);
        model.addAttribute("typedDetails", details);
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("choices", CHOICES);
        model.addAttribute("titles", TITLES);
        model.addAttribute("requests", portal.privacyRequests());
        try {
            List<PortalFileView> views = portal.views();
            model.addAttribute("views", views);
        } catch (RestClientResponseException e) {
            // the rest of the page works without the audit log
            model.addAttribute("views", List.of());
            model.addAttribute("viewsError", "Who looked at your file cannot be shown just now. Try again later.");
        }
        return "portal-data";
    }
}
