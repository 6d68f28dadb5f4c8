package io.openhire.pii;

import io.openhire.places.Places;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places: a capitalised phrase of one to four words that names a city of the gazetteer, a country or a
 * first-level region the places library knows ("Pune", "Maharashtra", "United Kingdom"), and the city
 * before a known region or country ("Springfield, IL"). The longest phrase at a position wins.
 */
public final class PlaceRecogniser implements Recogniser {

    private static final Set<String> CITIES = Gazetteer.load("cities.txt");

    /** Every country's English name the JDK knows (ISO 3166), beside the places library's common forms. */
    private static final Set<String> COUNTRIES = java.util.Arrays.stream(Locale.getISOCountries())
            .map(code -> Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** "lives in Port Tyson", "relocating to Bessesluis", "our office in Mérignac": a place by what precedes it. */
    private static final Pattern AFTER_A_MOVE = Pattern.compile("(?i:\\b(?:living|lives|live|based|located|resides|"
            + "residing|relocate|relocating|relocation|moved|moving|office|offices|headquartered|born|grew[ ]up|"
            + "commute|commuting|residence)[ ](?:in|to|at|near|from))[ ]"
            + "(\\p{Lu}[\\p{L}'-]+(?:[ ](?:(?:de|la|le|sur|am|an|upon)[ ])?\\p{Lu}[\\p{L}'-]+){0,2})");

    /** The town after a street address: "221B Baker Street, London". */
    private static final Pattern AFTER_A_STREET = Pattern.compile("(?:Street|St|Avenue|Ave|Road|Rd|Lane|Drive|Way|"
            + "Court|Place|Square|straße|strasse|weg|gasse|platz|straat|laan|\\d{1,4}[a-z]?)\\.?(?:[ ][A-Z]{1,4})?,[ ]"
            + "(\\p{Lu}[\\p{L}'-]+(?:[ ]\\p{Lu}[\\p{L}'-]+){0,2})");

    /** Capitalised words, allowing "de", "of", "upon" inside ("Rio de Janeiro", "Isle of Man"). */
    private static final Pattern PHRASE = Pattern.compile(
            "\\p{Lu}[\\p{L}.'-]*(?:[ ](?:(?:de|do|da|of|upon|am|an|der|sur|la|el)[ ])?\\p{Lu}[\\p{L}.'-]*){0,3}");

    private static final Pattern CITY_BEFORE_REGION = Pattern.compile(
            "(\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,2}),\\s?(\\p{Lu}[\\p{L}]+(?: \\p{Lu}[\\p{L}]+){0,2})");

    private static final List<String> CONTEXT = List.of(
            "live", "lives", "living", "based", "located", "from", "in", "at", "near", "city", "address", "relocat");

    @Override
    public java.util.Set<PiiType> types() {
        return java.util.Set.of(PiiType.LOCATION);
    }

    @Override
    public String name() {
        return "place";
    }

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> found = new ArrayList<>();
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            String[] words = m.group().split(" ");
            // Every word run inside the phrase, longest first from each start: "Berlin Office" still has Berlin.
            int offset = m.start();
            int cursor = 0;
            int[] starts = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                starts[i] = offset + cursor;
                cursor += words[i].length() + 1;
            }
            int i = 0;
            while (i < words.length) {
                int matchedEnd = -1;
                for (int j = words.length; j > i; j--) {
                    int end = starts[j - 1] + words[j - 1].length();
                    String candidate = stripDot(text.substring(starts[i], end));
                    if (isPlace(candidate)) {
                        matchedEnd = j;
                        int spanEnd = starts[i] + candidate.length();
                        boolean context = PatternRecogniser.hasContext(text, starts[i], spanEnd, CONTEXT);
                        found.add(new PiiSpan(PiiType.LOCATION, starts[i], spanEnd, context ? 0.85 : 0.7, name()));
                        break;
                    }
                }
                i = matchedEnd > 0 ? matchedEnd : i + 1;
            }
        }
        for (Pattern cue : List.of(AFTER_A_MOVE, AFTER_A_STREET)) {
            Matcher after = cue.matcher(text);
            while (after.find()) {
                found.add(new PiiSpan(PiiType.LOCATION, after.start(1), after.end(1), 0.7, name()));
            }
        }
        Matcher pair = CITY_BEFORE_REGION.matcher(text);
        while (pair.find()) {
            String region = pair.group(2);
            if (Places.region(region) != null || Places.country(region) != null) {
                found.add(new PiiSpan(PiiType.LOCATION, pair.start(1), pair.end(1), 0.75, name()));
            }
        }
        return found;
    }

    private static String stripDot(String candidate) {
        return candidate.endsWith(".") ? candidate.substring(0, candidate.length() - 1) : candidate;
    }

    static boolean isPlace(String candidate) {
        if (candidate.length() < 3 && !candidate.equals(candidate.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (CITIES.contains(lower) || (candidate.length() > 3 && COUNTRIES.contains(lower))) {
            return true;
        }
        // Two-letter region codes ("IN", "OR", "ME") are also words: only with a city before them.
        return candidate.length() > 3 && (Places.country(candidate) != null || Places.region(candidate) != null);
    }
}
