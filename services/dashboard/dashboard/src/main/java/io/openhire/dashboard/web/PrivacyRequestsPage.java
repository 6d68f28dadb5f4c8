package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.privacy.client.CloseRequest;
import io.openhire.privacy.client.DataSubjectRequest;
import io.openhire.privacy.client.NewDataSubjectRequest;
import io.openhire.privacy.client.PrivacyApi;
import io.openhire.privacy.client.RetentionRuleUpdate;
import io.openhire.privacy.client.RetentionRun;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@code /privacy}: people's requests about their data (admins) — filed as they arrive (by email, letter, phone),
 * followed to their legal deadline, answered by every service that holds the person (access: one export to send
 * them; erasure: nothing of them left), and the proof of each kept without the person.
 */
@Controller
class PrivacyRequestsPage {

    /** The request form's labels, for the privacy service's field errors. */
    static final Map<String, String> FIELDS = Map.of(
            "type", "Request",
            "email", "Email",
            "phone", "Phone",
            "name", "Name",
            "details", "What they asked",
            "source", "Received by",
            "resolution", "What was done");

    /** What each kind of request asks, in words. */
    static final Map<String, String> TYPES = types();

    private static Map<String, String> types() {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        types.put("ACCESS", "Access: a copy of their data");
        types.put("ERASURE", "Erasure: delete their data");
        types.put("RECTIFICATION", "Rectification: correct their data");
        types.put("RESTRICTION", "Restriction: stop processing their data");
        return types;
    }

    /** The participating services, in words: what of the person each one holds. */
    static final Map<String, String> SERVICES = Map.of(
            "resume-ingestion", "Resumes as sent (originals)",
            "resume-processing", "Parsed resumes",
            "matching", "Matching and shortlists",
            "applications", "Candidate records and applications",
            "identity", "Portal account",
            "communication", "Messages and interviews",
            "notification", "Notifications",
            "training", "Platform training data");

    private final PrivacyApi privacy;

    PrivacyRequestsPage(PrivacyApi privacy) {
        this.privacy = privacy;
    }

    @ModelAttribute
    void adminsOnly() {
        PageModel.requireAdmin("Only an admin of the organisation answers people's requests about their data.");
    }

    @GetMapping("/privacy")
    String list(@RequestParam(required = false) String status, Model model) {
        String wanted = status == null || status.isBlank() ? null : status;
        List<DataSubjectRequest> requests = privacy.requests(wanted, 100);
        model.addAttribute("requests", requests);
        model.addAttribute("status", wanted);
        model.addAttribute("types", TYPES);
        model.addAttribute(
                "overdue", requests.stream().filter(DataSubjectRequest::overdue).count());
        retention(model);
        return "privacy";
    }

    /** The retention rule and its last runs, for the page's Retention section. */
    private void retention(Model model) {
        model.addAttribute("rule", privacy.retention());
        model.addAttribute("runs", privacy.retentionRuns());
    }

    @PostMapping("/privacy/retention")
    String setRetention(
            @RequestParam(required = false) Integer inactiveMonths,
            @RequestParam(required = false) String enabled,
            Model model) {
        try {
            privacy.setRetention(new RetentionRuleUpdate(inactiveMonths, enabled != null));
            model.addAttribute(
                    "retentionNotice",
                    enabled != null
                            ? "Saved. It runs every day; each candidate it reaches gets an erasure request (in Requests above)."
                            : "Saved. The rule is off.");
        } catch (RestClientResponseException e) {
            model.addAttribute(
                    "retentionError", ApiProblem.message(e, Map.of("inactiveMonths", "Months", "enabled", "On")));
        }
        retention(model);
        return "privacy :: retention";
    }

    @PostMapping("/privacy/retention/run")
    String runRetention(Model model) {
        try {
            RetentionRun run = privacy.runRetention();
            String filed = run.requestsFiled() + " erasure request" + (run.requestsFiled() == 1 ? "" : "s") + " filed.";
            model.addAttribute(
                    "retentionNotice",
                    run.problem() != null
                            ? "The run stopped: " + run.problem() + "."
                            : run.requestsFiled() == 0 ? "Run: no candidate to erase." : "Run: " + filed);
        } catch (RestClientResponseException e) {
            model.addAttribute("retentionError", ApiProblem.message(e));
        }
        retention(model);
        return "privacy :: retention";
    }

    @PostMapping("/privacy/requests")
    String file(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String details,
            @RequestParam(required = false) String source,
            Model model) {
        NewDataSubjectRequest typed =
                new NewDataSubjectRequest(type, email, blank(phone), blank(name), blank(details), source);
        try {
            DataSubjectRequest filed = privacy.file(typed);
            return "redirect:/privacy/requests/" + filed.id() + "?filed";
        } catch (RestClientResponseException e) {
            model.addAttribute("formError", ApiProblem.message(e, FIELDS));
            model.addAttribute("typed", typed);
            return list(null, model);
        }
    }

    @GetMapping("/privacy/requests/{id}")
    String request(
            @PathVariable UUID id,
            @RequestParam(required = false) String filed,
            @RequestParam(required = false) String done,
            Model model) {
        DataSubjectRequest request;
        try {
            request = privacy.request(id);
        } catch (HttpClientErrorException.NotFound e) {
            throw io.openhire.platform.web.ProblemException.notFound("The request");
        }
        details(model, request);
        if (done != null) {
            model.addAttribute("notice", DONE.getOrDefault(done, "Done."));
        }
        if (filed != null) {
            model.addAttribute(
                    "notice",
                    request.type().equals("ACCESS") || request.type().equals("ERASURE")
                            ? "Filed. Every service that holds the person has been asked; this page shows their answers as they come."
                            : "Filed. Carry it out, then complete it here with what was done.");
        }
        return "privacy-request";
    }

    /** What a done action says on the request page it leads back to. */
    static final Map<String, String> DONE =
            Map.of("resent", "Sent to the services again.", "completed", "Completed.", "rejected", "Rejected.");

    /**
     * The services' answers, for the request page to refresh while the request is open (htmx, every few seconds).
     * Once the last answer closed it, the whole page is shown again — its status, the export — not only the table.
     */
    @GetMapping("/privacy/requests/{id}/answers")
    String answers(@PathVariable UUID id, Model model, HttpServletResponse response) {
        DataSubjectRequest request = privacy.request(id);
        details(model, request);
        if (!"OPEN".equals(request.status())) {
            response.setHeader("HX-Redirect", "/privacy/requests/" + id);
        }
        return "privacy-request :: answers";
    }

    @PostMapping("/privacy/requests/{id}/resend")
    String resend(@PathVariable UUID id, Model model) {
        return act(id, model, () -> privacy.resend(id), "resent");
    }

    @PostMapping("/privacy/requests/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam(required = false) String resolution, Model model) {
        return act(id, model, () -> privacy.complete(id, new CloseRequest(resolution)), "completed");
    }

    @PostMapping("/privacy/requests/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String resolution, Model model) {
        return act(id, model, () -> privacy.reject(id, new CloseRequest(resolution)), "rejected");
    }

    /** Does it, then back to the request's page (a reload does not do it again); a refusal is shown on the page. */
    private String act(UUID id, Model model, java.util.function.Supplier<DataSubjectRequest> action, String done) {
        try {
            action.get();
            return "redirect:/privacy/requests/" + id + "?done=" + done;
        } catch (RestClientResponseException e) {
            model.addAttribute("actionError", ApiProblem.message(e, FIELDS));
        }
        details(model, privacy.request(id));
        return "privacy-request";
    }

    private static void details(Model model, DataSubjectRequest request) {
        model.addAttribute("request", request);
        model.addAttribute("types", TYPES);
        model.addAttribute("services", SERVICES);
        model.addAttribute(
                "answered", request.answers().stream().filter(a -> a.answered()).count());
    }

    @GetMapping("/privacy/requests/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        ResponseEntity<byte[]> zip = privacy.export(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-request-" + id + ".zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip.getBody() == null ? new byte[0] : zip.getBody());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
