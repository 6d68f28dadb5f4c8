package io.openhire.dashboard.web;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Words people read for the platform's codes (statuses, categories, outcomes). A bean named {@code labels}
 * so templates can say {@code ${@labels.category('requiredSkills')}}.
 */
@Component("labels")
public class Labels {

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("RECEIVED", "Received"),
            Map.entry("PARSED", "Parsed"),
            Map.entry("FAILED", "Failed"),
            Map.entry("NEEDS_OCR", "Needs OCR"),
            Map.entry("DELETED", "Deleted"),
            Map.entry("OPEN", "Open"),
            Map.entry("CLOSED", "Closed"),
            Map.entry("QUEUED", "Queued"),
            Map.entry("RUNNING", "Running"),
            Map.entry("SUCCEEDED", "Succeeded"),
            Map.entry("NEW", "New"),
            Map.entry("HEALTHY", "Healthy"),
            Map.entry("FAILING", "Failing"),
            Map.entry("ACTIVE", "Active"),
            Map.entry("INVITED", "Invited"),
            Map.entry("DISABLED", "Disabled"),
            Map.entry("UP", "Up"),
            Map.entry("DOWN", "Down"));

    private static final Map<String, String> CATEGORY = Map.of(
            "requiredSkills", "Required skills",
            "niceToHaveSkills", "Nice-to-have skills",
            "title", "Job title",
            "semantic", "Overall fit (semantic)",
            "experience", "Experience",
            "location", "Location",
            "salary", "Salary");

    private static final Map<String, String> OUTCOME = Map.of(
            "SHORTLISTED", "Shortlisted",
            "REJECTED", "Rejected",
            "INTERVIEWED", "Interviewed",
            "HIRED", "Hired",
            "WITHDRAWN", "Withdrawn");

    public static String status(String code) {
        return code == null
                ? ""
                : STATUS.getOrDefault(
                        code, code.charAt(0) + code.substring(1).toLowerCase().replace('_', ' '));
    }

    public String of(String code) {
        return status(code);
    }

    public String category(String code) {
        return CATEGORY.getOrDefault(code, code);
    }

    public String outcome(String code) {
        return OUTCOME.getOrDefault(code, status(code));
    }

    /** "inclusiveLanguage" → "Inclusive language": a code name as words. */
    public String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String spaced =
                code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A score 0–1 (or null: does not apply) as a percentage for a meter. */
    public long percent(Object score) {
        return score instanceof Number n ? Math.round(n.doubleValue() * 100) : 0;
    }
}
