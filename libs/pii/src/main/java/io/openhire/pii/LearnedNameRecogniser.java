package io.openhire.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People, places and organisations as the {@link NameTagger} reads them. Its score is the tagger's confidence
 * scaled below the rules' surest cues, so a titled name or a checked number still wins an overlap.
 */
public final class LearnedNameRecogniser implements Recogniser {

    /** The tagger's confidence maps to at most this score. */
    static final double CEILING = 0.8;

    /**
     * A list of skills: a line that starts with a skills heading, or the line under a heading that stands alone.
     * The tagger reads "Kubernetes, Kafka, Spark" as it would a list of places; a resume's skills are not
     * personal data, and an anonymised resume without them is no use to anyone.
     */
    private static final Pattern SKILLS_HEADING =
            Pattern.compile("(?im)^[ \\t•*-]*(?:(?:key|core|technical|tech|it|professional|other)\\s+)?"
                    + "(?:skills?|technolog(?:y|ies)|tech stack|tools?|frameworks?|programming languages|"
                    + "competenc(?:e|ies)|expertise|stack)\\s*(?:[:\\-–|\\t]|$)");

    /**
     * A resume's own vocabulary, which the tagger takes for a name when it heads a page ("Curriculum Vitae" has
     * the shape of a first and last name): a span made only of these words is nobody.
     */
    private static final java.util.Set<String> RESUME_WORDS = java.util.Set.of(
            "curriculum",
            "vitae",
            "vita",
            "resume",
            "résumé",
            "cv",
            "profile",
            "summary",
            "experience",
            "education",
            "references",
            "referees",
            "contact",
            "details",
            "personal",
            "skills",
            "languages",
            "objective",
            "career",
            "professional",
            "work",
            "history",
            "employment",
            "qualifications",
            "certifications",
            "projects",
            "interests",
            "hobbies",
            "achievements",
            "page",
            "of",
            "and");

    /** Lower-case words a name may have inside it: "Bank of America", "Ludwig van Beethoven", "Smith & Co". */
    private static final java.util.Set<String> NAME_CONNECTORS = java.util.Set.of(
            "of", "and", "&", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "y", "zu",
            "für", "the", "al", "bin", "el", "e", "do", "dos", "das", "ter", "ten", "op", "im", "am");

    // The shape of a name (shapedLikeAName), compiled once: the check runs on every span the tagger finds.
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[;:()!?\\n\\[\\]]");
    private static final Pattern COMMA_NOT_BEFORE_A_NAME = Pattern.compile(",(?!\\s*\\p{Lu})");
    private static final Pattern ABBREVIATION_AT_END = Pattern.compile("\\b\\p{Lu}\\p{L}{0,3}\\.$");
    private static final Pattern NOT_LETTERS = Pattern.compile("\\P{L}");
    private static final Pattern NOT_LETTERS_RUN = Pattern.compile("\\P{L}+");

    /** The longest name the tagger is believed on, in words. */
    private static final int MOST_WORDS = 6;

    private final NameTagger tagger;

    public LearnedNameRecogniser(NameTagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public java.util.Set<PiiType> types() {
        return java.util.Set.of(PiiType.PERSON, PiiType.LOCATION, PiiType.ORGANIZATION);
    }

    @Override
    public String name() {
        return "name-tagger";
    }

    @Override
    public boolean fallback() {
        return true;
    }

    @Override
    public List<PiiSpan> find(String text) {
        if (tagger == null) {
            return List.of();
        }
        List<int[]> skillLists = skillLists(text);
        List<PiiSpan> found = new ArrayList<>();
        for (NameTagger.Found span : tagger.tag(text)) {
            String value = text.substring(span.start(), span.end());
            if (skillLists.stream().anyMatch(list -> list[0] <= span.start() && span.end() <= list[1])
                    || onlyResumeWords(value)
                    || !shapedLikeAName(text, span.start(), value)) {
                continue;
            }
            found.add(new PiiSpan(
                    NameTagger.type(span.type()), span.start(), span.end(), span.confidence() * CEILING, name()));
        }
        return found;
    }

    /** Where the skills lists are: from a heading to the end of its line, or of the next when it stands alone. */
    static List<int[]> skillLists(String text) {
        List<int[]> lists = new ArrayList<>();
        Matcher heading = SKILLS_HEADING.matcher(text);
        while (heading.find()) {
            int lineEnd = lineEnd(text, heading.end());
            if (text.substring(heading.end(), lineEnd).isBlank() && lineEnd < text.length()) {
                lineEnd = lineEnd(text, lineEnd + 1); // the heading stands alone: the list is the next line
            }
            lists.add(new int[] {heading.start(), lineEnd});
        }
        return lists;
    }

    /**
     * Whether a span has the shape of a name: at most six words, each capitalised but for the connectors names
     * have ("Bank of America"), no sentence punctuation inside; not a lone acronym ("ERO"), month, day or other word no one is called (the person rule's list), and not
     * one capitalised word that starts a line or sentence (the capital may be the sentence's, not a name's).
     *
     * <p>The tagger learned from short generated lines; in a real resume's prose it marks whole clauses ("the
     * deployment of DEAMS to additional customers") as organisations. Measured on the 24 shared PDF resumes, whose
     * publisher had already replaced names, employers and cities with placeholders: before this check the
     * detector marked 31.6 % of their text as names, places or organisations.
     */
    static boolean shapedLikeAName(String text, int start, String value) {
        String[] words = SPACES.split(value.strip());
        // a comma only before another capitalised word: "Springfield, Illinois", "Smith, Jones & Co"
        if (words.length == 0
                || words.length > MOST_WORDS
                || SENTENCE_PUNCTUATION.matcher(value).find()
                || COMMA_NOT_BEFORE_A_NAME.matcher(value).find()) {
            return false;
        }
        if (value.strip().endsWith(".")
                && !ABBREVIATION_AT_END.matcher(value.strip()).find()) {
            return false; // a sentence's full stop, not "Co." or "St."
        }
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean connector =
                    i > 0 && i < words.length - 1 && NAME_CONNECTORS.contains(word.toLowerCase(java.util.Locale.ROOT));
            if (!connector && !Character.isUpperCase(word.codePointAt(0)) && !Character.isDigit(word.codePointAt(0))) {
                return false;
            }
        }
        if (words.length == 1) {
            String word = NOT_LETTERS.matcher(words[0]).replaceAll("");
            if (word.length() <= 5 && word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                return false; // an acronym: a department, a system, a qualification
            }
            if (PersonRecogniser.NOT_NAMES.contains(word.toLowerCase(java.util.Locale.ROOT))
                    || startsASentence(text, start)) {
                return false;
            }
        }
        return true;
    }

    /** Whether only spaces lie between the position and the start of its line, or a sentence's end before it. */
    private static boolean startsASentence(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || ".!?•*-–".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean onlyResumeWords(String span) {
        for (String word : NOT_LETTERS_RUN.split(span.toLowerCase(java.util.Locale.ROOT))) {
            if (!word.isEmpty() && !RESUME_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }
}
