package io.openhire.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nationalities (Presidio's NRP). In a resume "German" is as often a language as a nationality, so a
 * nationality word on a languages line or followed by a proficiency ("German (native)", "fluent
 * French") is not reported; "Nationality: German" or "a German citizen" is surest.
 */
public final class NationalityRecogniser implements Recogniser {

    private static final Set<String> NATIONALITIES = Gazetteer.load("nationalities.txt");

    private static final Pattern WORDS = Pattern.compile("\\p{Lu}\\p{Ll}+(?:[ ]\\p{Lu}\\p{Ll}+)?");

    private static final List<String> NATIONALITY_CONTEXT = List.of(
            "nationality", "citizen", "citizenship", "national", "passport", "staatsangehörigkeit", "nationalité");

    private static final Pattern LANGUAGE_AROUND = Pattern.compile(
            "(?i)(?:language|languages|speak|speaks|spoken|fluent|native|mother tongue|proficien|bilingual|"
                    + "\\([abc][12]\\)|\\b[abc][12]\\b|basic|intermediate|advanced|conversational|business|written)");

    @Override
    public java.util.Set<PiiType> types() {
        return java.util.Set.of(PiiType.NRP);
    }

    @Override
    public String name() {
        return "nationality";
    }

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> found = new ArrayList<>();
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            String phrase = m.group();
            int start = m.start();
            int end = m.end();
            if (!NATIONALITIES.contains(phrase.toLowerCase(Locale.ROOT))) {
                String first = phrase.split(" ")[0];
                if (!NATIONALITIES.contains(first.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                end = start + first.length();
            }
            if (PatternRecogniser.hasContext(text, start, end, NATIONALITY_CONTEXT)) {
                found.add(new PiiSpan(PiiType.NRP, start, end, 0.9, name()));
            } else if (!languageAround(text, start, end)) {
                found.add(new PiiSpan(PiiType.NRP, start, end, 0.55, name()));
            }
        }
        return found;
    }

    private static boolean languageAround(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start) + 1;
        int lineEnd = text.indexOf('\n', end);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return LANGUAGE_AROUND.matcher(line).find();
    }
}
