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

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM yyyy", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    /** "3 Dec 2026" (UTC): a deadline. */
    public String date(java.time.Instant at) {
        return at == null ? "" : DATE.format(at);
    }

    /** "3 Dec 2026, 10:00 UTC". */
    public String when(java.time.Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static final java.time.format.DateTimeFormatter TO_THE_SECOND =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", java.util.Locale.ENGLISH)
                    .withZone(java.time.ZoneOffset.UTC);

    /** "3 Dec 2026, 10:00:07 UTC": where entries a second apart must be told apart (the audit log). */
    public String toTheSecond(java.time.Instant at) {
        return at == null ? "" : TO_THE_SECOND.format(at);
    }

    public String of(String code) {
        return status(code);
    }

    /**
     * A code the services' records type as an enum (a resume's status, a user's role). Typed {@code Object},
     * not {@code Enum<?>}: a template's {@code @labels.of(text)} must find {@code of(String)} whichever order
     * reflection lists the two in (SpEL asks whether text converts to a raw {@code Enum}, and that question
     * throws).
     */
    public String of(Object code) {
        return code instanceof Enum<?> e ? status(e.name()) : code == null ? "" : status(code.toString());
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

    /** A file's media type as people name it ("Word document" for the 71-character .docx type), else the type. */
    public String fileType(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word document";
            case "application/msword" -> "Word 97–2003 document";
            case "application/vnd.oasis.opendocument.text" -> "OpenDocument text";
            case "application/rtf", "text/rtf" -> "Rich Text";
            case "text/plain" -> "Text";
            case "text/html" -> "Web page";
            default -> mediaType;
        };
    }

    /** A score 0–1 with three decimals ("0.642"), or "—" when there is none. */
    public String decimal(Object score) {
        return score instanceof Number n ? String.format(java.util.Locale.ROOT, "%.3f", n.doubleValue()) : "—";
    }

    /** A difference of scores with its sign ("+0.034", "−0.012"), or "" when a side is missing. */
    public String difference(Object score, Object than) {
        if (!(score instanceof Number a) || !(than instanceof Number b)) {
            return "";
        }
        double d = a.doubleValue() - b.doubleValue();
        String abs = String.format(java.util.Locale.ROOT, "%.3f", Math.abs(d));
        return (d < 0 && !"0.000".equals(abs) ? "\u2212" : "+") + abs;
    }

    /**
     * Scores as a line of bars, one per score, from the lowest (▁) to the highest (█) of them: how a training
     * job's held-out F1 went by epoch ("▁▄▆▇█"). Equal scores are a level line.
     */
    public String sparkline(java.util.List<?> scores) {
        String bars = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
        java.util.List<Double> values = (scores == null ? java.util.List.<Object>of() : scores)
                .stream()
                        .map(score -> score instanceof Number n ? n.doubleValue() : 0.0)
                        .toList();
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (double v : values) {
            double share = high > low ? (v - low) / (high - low) : 0.5;
            line.append(bars.charAt((int) Math.round(share * (bars.length() - 1))));
        }
        return line.toString();
    }

    /**
     * A token-classification version's span scores on its held-out sentences, as the registry keeps them
     * ({@code span-f1}, {@code span-precision}, {@code span-recall}, {@code span-f1-lenient}): "span F1 0.642 ·
     * precision 0.700 · recall 0.593 · lenient F1 0.710"; "" when it reports none.
     */
    public String spanMetrics(Map<String, Double> metrics) {
        if (metrics == null) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String[] metric : new String[][] {
            {"span-f1", "span F1"},
            {"span-precision", "precision"},
            {"span-recall", "recall"},
            {"span-f1-lenient", "lenient F1"}
        }) {
            Double value = metrics.get(metric[0]);
            if (value != null) {
                parts.add(metric[1] + " " + decimal(value));
            }
        }
        return String.join(" · ", parts);
    }

    /** A score 0–1 (or null: does not apply) as a percentage for a meter. */
    public long percent(Object score) {
        return score instanceof Number n ? Math.round(n.doubleValue() * 100) : 0;
    }
}
