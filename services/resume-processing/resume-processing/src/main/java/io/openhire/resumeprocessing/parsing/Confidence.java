package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import io.openhire.resumeprocessing.parsing.Periods.YearsOfExperience;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How sure the parser is: per field (0–1, so that a user interface can ask for a check where it is
 * unsure), and whether the text reads like a resume at all. Every number the parser gives lives here.
 */
final class Confidence {

    /** The confidence of each field found, in a fixed order; fields not found are left out. */
    static Map<String, Double> of(Extraction found) {
        Map<String, Double> confidence = new LinkedHashMap<>();
        if (found.location() != null) {
            confidence.put("location", location(found.location().source()));
        }
        if (found.years() != null) {
            confidence.put(
                    "totalYearsExperience",
                    found.years().source() == YearsOfExperience.Source.WORK_HISTORY ? 0.8 : 0.5);
        }
        if (found.name() != null) {
            confidence.put("name", found.name().line() == 0 ? 0.9 : 0.7);
        }
        if (!found.emails().isEmpty()) {
            confidence.put("emails", 0.99);
        }
        if (!found.phones().isEmpty()) {
            confidence.put("phones", 0.9);
        }
        if (!found.work().isEmpty()) {
            boolean complete = found.work().stream().allMatch(w -> w.title() != null && w.employer() != null);
            confidence.put("work", complete ? 0.8 : 0.5);
        }
        if (!found.education().isEmpty()) {
            boolean complete = found.education().stream().allMatch(e -> e.degree() != null && e.institution() != null);
            confidence.put("education", complete ? 0.8 : 0.5);
        }
        if (!found.skills().isEmpty()) {
            confidence.put("skills", 0.9);
        }
        if (found.summary() != null) {
            confidence.put("summary", 0.7);
        }
        return confidence;
    }

    private static double location(Place.Source source) {
        return switch (source) {
            case LABELLED -> 0.9;
            case HEADER -> 0.8;
            case WORK_HISTORY -> 0.5;
        };
    }

    /**
     * 0–1, in steps: contacts 0.2, two or more known sections 0.2 (one: 0.1), a dated job 0.2, a degree
     * 0.15, three or more skills 0.15, a resume's length (80 to 5,000 words) 0.1.
     */
    static double resumeLikelihood(String text, List<Section> sections, Extraction found) {
        double score = 0;
        if (!found.emails().isEmpty() || !found.phones().isEmpty()) {
            score += 0.2;
        }
        long known = sections.stream()
                .map(Section::kind)
                .filter(k -> k != Kind.HEADER && k != Kind.OTHER)
                .distinct()
                .count();
        score += known >= 2 ? 0.2 : known == 1 ? 0.1 : 0;
        if (!found.work().isEmpty()) {
            score += 0.2;
        }
        if (!found.education().isEmpty()) {
            score += 0.15;
        }
        if (found.skills().size() >= 3) {
            score += 0.15;
        }
        int words = text.split("\\s+").length;
        if (words >= 80 && words <= 5000) {
            score += 0.1;
        }
        return Math.round(score * 100) / 100.0;
    }

    private Confidence() {}
}
