package io.openhire.jobprocessing.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job ad's text → its lines, each with the section it belongs to, from the headings ads use
 * ("Requirements", "What you'll do", "Nice to have", "Benefits", "Qualifications:", "About us").
 * A heading may stand alone or lead its line ("Requirements: 5+ years of Java").
 */
public final class Sections {

    public enum Kind {
        SUMMARY,
        RESPONSIBILITIES,
        REQUIREMENTS,
        NICE_TO_HAVE,
        BENEFITS,
        SALARY,
        ABOUT,
        OTHER
    }

    public record Line(Kind section, String text, int start) {}

    private static final Pattern HEADING =
            Pattern.compile("^\\s*(?<h>(?:[\\p{L}'’&/ -]{2,60}))\\s*(?::|$)\\s*(?<rest>.*)$", Pattern.DOTALL);
    private static final Pattern NICE = Pattern.compile(
            "(?i)\\b(nice[- ]to[- ]haves?|preferred|bonus(?: points)?|a plus|desired|desirable|pluses|good to have|extra credit|would be great)\\b");
    private static final Pattern REQUIRED = Pattern.compile(
            "(?i)\\b(requirements?|required|qualifications?|must[- ]haves?|what you (?:will )?(?:bring|need|have)|what we(?:'re| are) looking for|who you are|about you|your profile|skills(?: and experience)?|experience|you have|you bring|competenc(?:e|ies)|minimum)\\b");
    private static final Pattern RESPONSIBILITIES = Pattern.compile(
            "(?i)\\b(responsibilit(?:y|ies)|duties|what you(?:'ll| will) do|the role|your role|your tasks|day[- ]to[- ]day|key accountabilities|job description|what you will be doing|in this role)\\b");
    private static final Pattern BENEFITS = Pattern.compile(
            "(?i)\\b(benefits?|perks|what we offer|we offer|why (?:join|work)|compensation and benefits|our offer)\\b");
    private static final Pattern SALARY = Pattern.compile("(?i)\\b(salary|pay|compensation|pay range)\\b");
    private static final Pattern ABOUT = Pattern.compile(
            "(?i)\\b(about (?:us|the company|the team)|who we are|our company|company description|equal opportunity|eeo)\\b");

    private Sections() {}

    public static List<Line> of(String text) {
        List<Line> lines = new ArrayList<>();
        Kind current = Kind.SUMMARY;
        int offset = 0;
        for (String raw : text.split("\n", -1)) {
            int start = offset;
            offset += raw.length() + 1;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Kind heading = heading(line);
            if (heading != null) {
                current = heading;
                Matcher m = HEADING.matcher(line);
                String rest = m.matches() ? m.group("rest").strip() : "";
                if (!rest.isEmpty()) {
                    lines.add(new Line(current, rest, start + raw.indexOf(rest)));
                }
                continue;
            }
            lines.add(new Line(current, line, start + raw.indexOf(line)));
        }
        return lines;
    }

    /** The section a line opens, if it is a heading: short, not a list item, and named like one. */
    static Kind heading(String line) {
        if (line.startsWith("-") || line.startsWith("•") || line.startsWith("*")) {
            return null;
        }
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String h = m.group("h").strip();
        boolean standalone = m.group("rest").isBlank();
        boolean colon = line.contains(":");
        if (h.split("\\s+").length > 7 || (!standalone && !colon) || (standalone && line.length() > 60)) {
            return null;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (NICE.matcher(lower).find()) {
            return Kind.NICE_TO_HAVE;
        }
        if (BENEFITS.matcher(lower).find()) {
            return Kind.BENEFITS;
        }
        if (ABOUT.matcher(lower).find()) {
            return Kind.ABOUT;
        }
        if (RESPONSIBILITIES.matcher(lower).find()) {
            return Kind.RESPONSIBILITIES;
        }
        if (REQUIRED.matcher(lower).find()) {
            return Kind.REQUIREMENTS;
        }
        if (SALARY.matcher(lower).find()) {
            return Kind.SALARY;
        }
        return standalone && colon ? Kind.OTHER : null;
    }

    /** Whether a requirement line only prefers ("… is a plus", "preferred: …"). */
    public static boolean prefers(String line) {
        return NICE.matcher(line).find();
    }
}
