package io.openhire.jobprocessing.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch Reading Ease (Flesch 1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
 * 60–70 is plain English; below 30 reads like an academic paper. Syllables are counted by vowel groups,
 * the usual approximation. List items count as sentences.
 */
public final class Readability {

    public record Result(
            int words, int sentences, double averageSentenceWords, double fleschReadingEase, String level) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n+");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {}

    public static Result of(String text) {
        int words = 0;
        int syllables = 0;
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            words++;
            syllables += syllables(w.group().toLowerCase(Locale.ROOT));
        }
        int sentences = 0;
        for (String part : SENTENCE_END.split(text)) {
            if (WORD.matcher(part).find()) {
                sentences++;
            }
        }
        if (words == 0) {
            return new Result(0, 0, 0, 0, "EMPTY");
        }
        sentences = Math.max(1, sentences);
        double perSentence = (double) words / sentences;
        double ease = 206.835 - 1.015 * perSentence - 84.6 * ((double) syllables / words);
        ease = Math.round(Math.max(0, Math.min(100, ease)) * 10) / 10.0;
        String level =
                ease >= 60 ? "PLAIN" : ease >= 50 ? "FAIRLY_DIFFICULT" : ease >= 30 ? "DIFFICULT" : "VERY_DIFFICULT";
        return new Result(words, sentences, Math.round(perSentence * 10) / 10.0, ease, level);
    }

    static int syllables(String word) {
        String w = word.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le")) {
            w = w.substring(0, w.length() - 1);
        }
        int count = 0;
        Matcher m = VOWELS.matcher(w);
        while (m.find()) {
            count++;
        }
        return Math.max(1, count);
    }
}
