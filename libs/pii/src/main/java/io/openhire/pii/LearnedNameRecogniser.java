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
            if (skillLists.stream().anyMatch(list -> list[0] <= span.start() && span.end() <= list[1])
                    || onlyResumeWords(text.substring(span.start(), span.end()))) {
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

    private static boolean onlyResumeWords(String span) {
        for (String word : span.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
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
