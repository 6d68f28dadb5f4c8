package io.openhire.dashboard.web;

import io.openhire.matching.client.Outcome;
import io.openhire.matching.events.ScoreCategory;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Words people read for the platform's codes (statuses, categories, outcomes). A bean named {@code labels}
 * so templates can say {@code ${@labels.category(category)}}.
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

    public static String status(String code) {
        return code == null
                ? ""
                : STATUS.getOrDefault(
                        code, code.charAt(0) + code.substring(1).toLowerCase().replace('_', ' '));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    /** "3 Dec" (UTC). */
    public String day(java.time.Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** "3 Dec 2026, 10:00 UTC". */
    public String when(java.time.Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    public String of(String code) {
        return status(code);
    }

    /** A code the services' records type as an enum (a resume's status, a user's role). */
    public String of(Enum<?> code) {
        return code == null ? "" : status(code.name());
    }

    /** A part of a match score as the job page names it (its slider, its row of the breakdown). */
    public String category(ScoreCategory category) {
        return category.label();
    }

    /** A recruiter's decision, as its badge says it. */
    public String outcome(Outcome outcome) {
        return outcome == null
                ? ""
                : switch (outcome) {
                    case SHORTLISTED -> "Shortlisted";
                    case REJECTED -> "Rejected";
                    case INTERVIEWED -> "Interviewed";
                    case HIRED -> "Hired";
                    case WITHDRAWN -> "Withdrawn";
                };
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
