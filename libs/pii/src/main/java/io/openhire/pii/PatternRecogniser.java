package io.openhire.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions, each with an optional validator (a check digit) and context words. A match the
 * validator refuses is dropped; a match with one of its context words close before it ("IBAN:", "born",
 * "SSN") is surer, and a rule can require such a word (a bare nine-digit number is only a BSN when
 * something near it says so).
 */
public final class PatternRecogniser implements Recogniser {

    /** How far before a match its context words are looked for, and after it. */
    static final int CONTEXT_BEFORE = 48;

    static final int CONTEXT_AFTER = 16;

    /**
     * One pattern. {@code group} is the part of the match that is the personal data (0 the whole match).
     * {@code score} is given without context, {@code contextScore} with it; a rule with a score of 0 only
     * reports matches that have context.
     */
    public record Rule(
            PiiType type,
            Pattern pattern,
            int group,
            double score,
            double contextScore,
            List<String> context,
            Predicate<String> valid) {

        public static Rule of(PiiType type, String regex, double score) {
            return new Rule(type, Pattern.compile(regex), 0, score, score, List.of(), value -> true);
        }

        public Rule group(int newGroup) {
            return new Rule(type, pattern, newGroup, score, contextScore, context, valid);
        }

        public Rule context(double newContextScore, String... words) {
            return new Rule(type, pattern, group, score, newContextScore, List.of(words), valid);
        }

        public Rule validatedBy(Predicate<String> validator) {
            return new Rule(type, pattern, group, score, contextScore, context, validator);
        }
    }

    private final String name;
    private final List<Rule> rules;

    public PatternRecogniser(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int start = m.start(rule.group());
                int end = m.end(rule.group());
                if (start < 0 || end <= start || !rule.valid().test(text.substring(start, end))) {
                    continue;
                }
                double score = hasContext(text, start, end, rule.context()) ? rule.contextScore() : rule.score();
                if (score > 0) {
                    found.add(new PiiSpan(rule.type(), start, end, score, name));
                }
            }
        }
        return found;
    }

    /** Whether one of {@code words} stands as a word (or a word's start) near {@code [start, end)}. */
    static boolean hasContext(String text, int start, int end, List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String before =
                text.substring(Math.max(0, start - CONTEXT_BEFORE), start).toLowerCase(Locale.ROOT);
        String after = text.substring(end, Math.min(text.length(), end + CONTEXT_AFTER))
                .toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (containsWord(before, word) || containsWord(after, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String haystack, String word) {
        int from = 0;
        while (true) {
            int at = haystack.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            if (at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1))) {
                return true;
            }
            from = at + 1;
        }
    }
}
