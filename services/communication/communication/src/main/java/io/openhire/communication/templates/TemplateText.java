package io.openhire.communication.templates;

import io.openhire.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {{variables}}}: the platform's ({@link #PLATFORM}) and the sender's own, named
 * {@code custom.something}. Rendering never leaves braces in a message: a variable without a value refuses
 * the message instead.
 */
public final class TemplateText {

    /** What the platform fills in from the candidate, the job and the sender. */
    public static final Set<String> PLATFORM = Set.of(
            "candidate.name", "candidate.firstName", "job.title", "job.employer", "recruiter.name", "recruiter.email");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern NAME = Pattern.compile("custom\\.[A-Za-z][A-Za-z0-9_]{0,39}");

    private TemplateText() {}

    /** The variables the text uses, in order of first use. */
    public static List<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Refuses text whose braces are not variables, or that uses a variable that is neither the platform's nor a
     * {@code custom.} one.
     *
     * @param field the request field, for the problem detail
     */
    public static void check(String field, String text) {
        if (text == null) {
            return;
        }
        String withoutVariables = VARIABLE.matcher(text).replaceAll("");
        if (withoutVariables.contains("{{") || withoutVariables.contains("}}")) {
            throw DomainException.invalidField(
                    field, "has '{{' or '}}' that is not a variable like {{candidate.name}}");
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : variables(text)) {
            if (!isKnown(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(
                            "unknown-variable",
                            "Unknown variable(s) " + unknown + ": use " + new TreeSet<>(PLATFORM)
                                    + " or your own, named custom.something")
                    .with("variables", List.copyOf(unknown));
        }
    }

    public static boolean isKnown(String name) {
        return PLATFORM.contains(name) || NAME.matcher(name).matches();
    }

    /** The text with every variable replaced; refuses it when a variable has no value. */
    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String name : variables(text)) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid(
                            "missing-variable",
                            "No value for " + missing + ": pass it in variables, or choose a recipient and job that"
                                    + " have it")
                    .with("variables", missing);
        }
        return VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }
}
