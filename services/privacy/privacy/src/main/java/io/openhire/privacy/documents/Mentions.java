package io.openhire.privacy.documents;

import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once a document is known to name someone, every mention of them goes: the detector finds "Jane Doe" under
 * "Name:" but not alone in a page footer or as "Ms Doe" in a reference, and a copy that hides one mention and
 * shows the next hides nothing. So each value found (and each part of a person's name) is searched for again,
 * whole words only, and its other occurrences are added with the same type.
 */
final class Mentions {

    private static final String LEARNED = "name-tagger";

    /** Shorter parts ("Li", "Al") would take ordinary words with them. */
    private static final int SHORTEST_NAME_PART = 3;

    private Mentions() {}

    static List<PiiSpan> everywhere(String text, List<PiiSpan> found) {
        Map<String, PiiType> values = new LinkedHashMap<>();
        for (PiiSpan span : found) {
            String value = text.substring(span.start(), span.end()).strip();
            if (value.length() >= SHORTEST_NAME_PART) {
                values.putIfAbsent(value, span.type());
            }
            // A name's parts only from the rules' names: the learned tagger's guesses ("Vendor Pay") would take
            // every "pay" with them.
            if (span.type() == PiiType.PERSON && !LEARNED.equals(span.recogniser())) {
                for (String part : value.split("[\\s,.]+")) {
                    if (part.length() >= SHORTEST_NAME_PART && Character.isUpperCase(part.charAt(0))) {
                        values.putIfAbsent(part, PiiType.PERSON);
                    }
                }
            }
        }
        List<PiiSpan> all = new ArrayList<>(found);
        // Longest values first, so "Jane Doe" is taken whole before "Doe" is looked for.
        List<Map.Entry<String, PiiType>> longestFirst = new ArrayList<>(values.entrySet());
        longestFirst.sort(Comparator.comparingInt(
                        (Map.Entry<String, PiiType> e) -> e.getKey().length())
                .reversed());
        for (Map.Entry<String, PiiType> value : longestFirst) {
            Matcher m = Pattern.compile(
                            "(?<![\\p{L}\\p{N}])" + Pattern.quote(value.getKey()) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text);
            boolean capitalised = !value.getKey().equals(value.getKey().toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (capitalised && m.group().equals(m.group().toLowerCase(Locale.ROOT))) {
                    continue; // "Branch" the name is not "branch" the word: a name is written capitalised
                }
                PiiSpan mention = new PiiSpan(value.getValue(), m.start(), m.end(), 1.0, "mention");
                if (all.stream().noneMatch(mention::overlaps)) {
                    all.add(mention);
                }
            }
        }
        all.sort(Comparator.comparingInt(PiiSpan::start));
        return all;
    }
}
