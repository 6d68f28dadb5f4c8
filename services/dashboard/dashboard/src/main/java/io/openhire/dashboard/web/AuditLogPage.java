package io.openhire.dashboard.web;

import io.openhire.audit.client.AlertRule;
import io.openhire.audit.client.AuditApi;
import io.openhire.audit.client.AuditEntry;
import io.openhire.audit.client.AuditPage;
import io.openhire.audit.client.NewAlertRule;
import io.openhire.audit.client.RaisedAlert;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.DateOrInstant;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.springframework.web.client.RestClientResponseException;

/**
 * {@code /audit}: the organisation's audit log (admins): who opened or downloaded whose resume, opened a candidate
 * or revealed a blind one, when and from where; filtered by action, person and days, a page of 50 at a time;
 * exported as CSV; the chain verified on request; and alert rules ("more than 20 downloads by one person in an
 * hour"), with the alerts they raised.
 */
@Controller
class AuditLogPage {

    /** The actions services record, in words ("Downloaded the resume"), in the order the filter lists them. */
    static final Map<String, String> ACTIONS = actions();

    private static Map<String, String> actions() {
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("resume.viewed", "Opened the resume");
        actions.put("resume.profile-viewed", "Read the parsed profile");
        actions.put("resume.downloaded", "Downloaded the resume");
        actions.put("candidate.viewed", "Opened the candidate");
        actions.put("candidate.revealed", "Revealed the blind candidate");
        actions.put("user.signed-in", "Signed in");
        actions.put("privacy.request-filed", "Filed a privacy request");
        actions.put("privacy.request-completed", "Completed a privacy request");
        actions.put("privacy.request-rejected", "Rejected a privacy request");
        actions.put("privacy.export-downloaded", "Downloaded a person's data export");
        actions.put("privacy.pseudonym-reversed", "Reversed a pseudonym");
        actions.put("privacy.retention-changed", "Changed the retention rule");
        actions.put("privacy.retention-run", "Ran the retention rule");
        actions.put("user.role-changed", "Changed a user's role");
        actions.put("user.status-changed", "Enabled or disabled a user");
        actions.put("api-key.created", "Created an API key");
        actions.put("security.key-rotated", "Rotated the organisation's data key");
        actions.put("security.kek-rotated", "Rotated the key-encryption key");
        return actions;
    }

    static final int PAGE = 50;

    /** The rule form's labels, for the audit service's field errors ("More than: must be from 1 to 100000."). */
    static final Map<String, String> FILTER_FIELDS =
            Map.of("action", "Action", "actor", "Person", "from", "From", "to", "To", "before", "Page");

    static final Map<String, String> RULE_FIELDS = Map.of(
            "name", "Name", "action", "When someone", "threshold", "More than", "windowMinutes", "Within (minutes)");

    private final AuditApi audit;
    private final People people;

    AuditLogPage(AuditApi audit, People people) {
        this.audit = audit;
        this.people = people;
    }

    @ModelAttribute
    void adminsOnly() {
        PageModel.requireAdmin("Only an admin of the organisation reads its audit log.");
    }

    /** The filters as the form sent them (blank: not filtered). */
    record Filters(String action, String actor, String from, String to) {

        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "action", action);
            add(q, "actor", actor);
            add(q, "from", from);
            add(q, "to", to);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @GetMapping("/audit")
    String log(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before,
            Model model) {
        Filters filters = new Filters(action, actor, from, to);
        People.Names names = people.freshNames();
        AuditPage page = new AuditPage(List.of(), null);
        try {
            Instant fromInstant = DateOrInstant.atStart("from", from);
            Instant toInstant = DateOrInstant.afterEnd("to", to);
            if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
                model.addAttribute("filterError", "“To” must be on or after “From”.");
            } else {
                page = audit.entries(
                        blankToNull(actor), blankToNull(action), null, null, fromInstant, toInstant, before, PAGE);
            }
        } catch (DomainException e) {
            model.addAttribute("filterError", "The dates must be days, like 2026-12-05.");
        } catch (RestClientResponseException e) {
            model.addAttribute("filterError", ApiProblem.message(e, FILTER_FIELDS));
        }
        model.addAttribute(
                "rows",
                page.entries().stream()
                        .map(e -> new Row(e, action(e), names.ofMember(e.actor()), link(e), record(e)))
                        .toList());
        model.addAttribute("nextBefore", page.nextBefore());
        model.addAttribute("filters", filters);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("people", names.users());
        model.addAttribute("firstPage", before == null);
        alerts(model, names);
        return "audit";
    }

    /** The alert rules and the alerts they raised, in words, for the page's Alerts section. */
    private void alerts(Model model, People.Names names) {
        model.addAttribute(
                "rules",
                audit.alertRules().stream()
                        .map(r -> new RuleRow(
                                r, ACTIONS.getOrDefault(r.action(), r.action()), names.ofMember(r.createdBy())))
                        .toList());
        model.addAttribute(
                "alerts",
                audit.alerts().stream()
                        .map(a -> new AlertRow(
                                a,
                                ACTIONS.getOrDefault(a.action(), a.action()),
                                names.ofMember(a.actor()),
                                new Filters(a.action(), a.actor(), null, null).query()))
                        .toList());
    }

    /** A rule with its action and author in words. */
    record RuleRow(AlertRule rule, String action, String setBy) {}

    /** A raised alert with its action and actor in words, and the query that lists the entries behind it. */
    record AlertRow(RaisedAlert alert, String action, String who, String entriesQuery) {}

    @PostMapping("/audit/rules")
    String addRule(
            @RequestParam String name,
            @RequestParam String action,
            @RequestParam(required = false) Integer threshold,
            @RequestParam(required = false) Integer windowMinutes,
            Model model) {
        try {
            audit.addAlertRule(new NewAlertRule(name, action, threshold, windowMinutes));
            model.addAttribute("ruleNotice", "Added. You will be notified when someone crosses it.");
        } catch (RestClientResponseException e) {
            model.addAttribute("ruleError", ApiProblem.message(e, RULE_FIELDS));
            model.addAttribute("typed", new NewAlertRule(name, action, threshold, windowMinutes));
        }
        return rules(model);
    }

    @PostMapping("/audit/rules/{id}/remove")
    String removeRule(@PathVariable UUID id, Model model) {
        try {
            audit.removeAlertRule(id);
            model.addAttribute("ruleNotice", "Removed, with the alerts it raised.");
        } catch (RestClientResponseException e) {
            model.addAttribute("ruleError", ApiProblem.message(e));
        }
        return rules(model);
    }

    private String rules(Model model) {
        alerts(model, people.names());
        model.addAttribute("actions", ACTIONS);
        return "audit :: alerts";
    }

    /**
     * One line of the table: the entry, its action and actor in words, where its record opens (or null) and the
     * record's name ("Resume 3d1f6a52").
     */
    record Row(AuditEntry entry, String action, String who, String link, String record) {}

    /** The chain recomputed by the audit service, in words (an htmx fragment). */
    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", audit.verify());
        return "audit :: verification";
    }

    @GetMapping("/audit/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        byte[] csv = audit.export(
                        blankToNull(actor),
                        blankToNull(action),
                        null,
                        null,
                        DateOrInstant.atStart("from", from),
                        DateOrInstant.afterEnd("to", to))
                .getBody();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .body(csv == null ? new byte[0] : csv);
    }

    /** What the entry's action says, in words; an action this page does not know yet, as the service wrote it. */
    static String action(AuditEntry entry) {
        return ACTIONS.getOrDefault(entry.action(), entry.action());
    }

    /** Where a record opens in the dashboard: a resume's page, a candidate's (their newest resume); else null. */
    static String link(AuditEntry entry) {
        if (entry.resourceId() == null) {
            return null;
        }
        return switch (entry.resourceType()) {
            case "resume" -> "/candidates/" + entry.resourceId();
            case "candidate" -> "/candidates/of/" + entry.resourceId();
            case "privacy-request" -> "/privacy/requests/" + entry.resourceId();
            default -> null;
        };
    }

    /** The record as the table names it: its kind and the start of its id ("Candidate 5c0ec681"). */
    static String record(AuditEntry entry) {
        String kind = entry.resourceType().isEmpty()
                ? ""
                : Character.toUpperCase(entry.resourceType().charAt(0))
                        + entry.resourceType().substring(1).replace('-', ' ');
        String id = entry.resourceId() == null ? "" : entry.resourceId();
        return (kind + " " + id.substring(0, Math.min(8, id.length()))).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
