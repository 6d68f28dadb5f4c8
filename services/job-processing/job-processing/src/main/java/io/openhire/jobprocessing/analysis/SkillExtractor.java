package io.openhire.jobprocessing.analysis;

import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillsTaxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The skills a job ad asks for: every skill of the taxonomy it names (O*NET technologies, ESCO skills,
 * with their aliases), and phrases it presents as skills without the taxonomy knowing them ("experience
 * with event sourcing", "knowledge of payroll regulations"). Each is required, or only nice to have when
 * it sits in a "Nice to have"/"Preferred" section or its sentence says so ("… is a plus").
 */
public final class SkillExtractor {

    public enum Importance {
        REQUIRED,
        NICE_TO_HAVE
    }

    /**
     * @param id the taxonomy id, or null for a phrase
     * @param evidence the line it was found in
     */
    public record ExtractedSkill(String id, String name, Importance importance, String evidence) {}

    /** A character span of a text that names a skill. */
    public record Span(int start, int end) {}

    private static final Pattern PHRASE_CUE = Pattern.compile(
            "(?i)\\b(?:experience|expertise|proficiency|proficient|knowledge|familiarity|familiar|background|skilled|"
                    + "fluency|fluent|competence|understanding|working knowledge|hands-on experience)\\s+(?:with|in|of|using)\\s+"
                    + "(?:the\\s+|a\\s+|an\\s+)?(?<phrase>[^.;:()!?\\n]{2,80})");
    private static final Pattern ABILITY =
            Pattern.compile("(?i)\\b(?:ability|able) to\\s+(?<phrase>[^.;:()!?\\n,]{3,60})");
    private static final Pattern SPLIT =
            Pattern.compile("\\s*(?:,|/|\\band\\b|\\bor\\b|\\bas well as\\b|\\bincluding\\b|\\be\\.g\\.)\\s*");
    private static final Set<String> WEAK = Set.of(
            "it",
            "this",
            "these",
            "that",
            "them",
            "the",
            "a",
            "an",
            "our",
            "your",
            "all",
            "any",
            "other",
            "others",
            "etc",
            "similar",
            "related",
            "relevant",
            "the field",
            "tools",
            "technologies",
            "systems",
            "languages",
            "one",
            "more",
            "least",
            "work",
            "working");
    private static final Set<Sections.Kind> NOT_ASKED =
            Set.of(Sections.Kind.BENEFITS, Sections.Kind.ABOUT, Sections.Kind.SALARY);

    private final SkillsTaxonomy taxonomy;

    public SkillExtractor(SkillsTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public SkillsTaxonomy taxonomy() {
        return taxonomy;
    }

    public List<ExtractedSkill> extract(String text) {
        Map<String, ExtractedSkill> found = new LinkedHashMap<>();
        for (Sections.Line line : Sections.of(text)) {
            if (NOT_ASKED.contains(line.section())) {
                continue;
            }
            Importance importance = line.section() == Sections.Kind.NICE_TO_HAVE || Sections.prefers(line.text())
                    ? Importance.NICE_TO_HAVE
                    : Importance.REQUIRED;
            for (SkillMatch match : taxonomy.find(line.text())) {
                add(found, new ExtractedSkill(match.skill().id(), match.skill().name(), importance, line.text()));
            }
            for (String phrase : phrases(line.text())) {
                if (taxonomy.lookup(phrase).isEmpty() && taxonomy.find(phrase).isEmpty()) {
                    add(found, new ExtractedSkill(null, phrase, importance, line.text()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** A skill named twice keeps its strongest importance. */
    private static void add(Map<String, ExtractedSkill> found, ExtractedSkill skill) {
        String key = skill.id() != null ? skill.id() : "phrase:" + skill.name().toLowerCase(Locale.ROOT);
        ExtractedSkill before = found.get(key);
        if (before == null
                || (before.importance() == Importance.NICE_TO_HAVE && skill.importance() == Importance.REQUIRED)) {
            found.put(key, skill);
        }
    }

    /** Phrases a sentence presents as skills: "experience with X, Y and Z", "ability to X". */
    static List<String> phrases(String line) {
        List<String> out = new ArrayList<>();
        for (Span span : phraseSpans(line)) {
            out.add(line.substring(span.start(), span.end()));
        }
        return out;
    }

    static List<Span> phraseSpans(String line) {
        List<Span> spans = new ArrayList<>();
        Matcher m = PHRASE_CUE.matcher(line);
        while (m.find()) {
            splitInto(line, m.start("phrase"), m.end("phrase"), spans);
        }
        Matcher a = ABILITY.matcher(line);
        while (a.find()) {
            Span span = trim(line, a.start("phrase"), a.end("phrase"));
            if (span != null) {
                spans.add(span);
            }
        }
        return spans;
    }

    private static void splitInto(String line, int start, int end, List<Span> spans) {
        Matcher sep = SPLIT.matcher(line).region(start, end);
        int from = start;
        while (sep.find()) {
            Span span = trim(line, from, sep.start());
            if (span != null) {
                spans.add(span);
            }
            from = sep.end();
        }
        Span last = trim(line, from, end);
        if (last != null) {
            spans.add(last);
        }
    }

    /** Without surrounding blanks, leading articles and trailing filler; null when nothing worth keeping. */
    private static Span trim(String line, int start, int end) {
        while (start < end && !Character.isLetterOrDigit(line.charAt(start))) {
            start++;
        }
        while (end > start
                && !Character.isLetterOrDigit(line.charAt(end - 1))
                && line.charAt(end - 1) != '+'
                && line.charAt(end - 1) != '#') {
            end--;
        }
        String phrase = line.substring(start, end);
        String lower = phrase.toLowerCase(Locale.ROOT);
        for (String article : new String[] {"the ", "a ", "an ", "strong ", "good ", "solid ", "excellent "}) {
            if (lower.startsWith(article)) {
                start += article.length();
                lower = lower.substring(article.length());
            }
        }
        // Cut a trailing clause ("… is a plus", "… preferred", "… required", "… to build …").
        Matcher tail = Pattern.compile(
                        "(?i)\\s+(?:is|are|would|will|to|that|which|for|preferred|required|desired|a plus|strongly)\\b.*$")
                .matcher(lower);
        if (tail.find()) {
            end = start + tail.start();
            lower = lower.substring(0, tail.start());
        }
        lower = lower.strip();
        if (lower.length() < 2 || WEAK.contains(lower) || lower.split("\\s+").length > 6) {
            return null;
        }
        return new Span(start, start + lower.length());
    }

    /** Character spans naming skills in a sentence: taxonomy matches, and phrases where none overlaps. */
    public List<Span> spans(String sentence) {
        List<Span> spans = new ArrayList<>();
        for (SkillMatch match : taxonomy.find(sentence)) {
            spans.add(new Span(match.start(), match.end()));
        }
        for (Span phrase : phraseSpans(sentence)) {
            boolean overlaps = spans.stream().anyMatch(s -> s.start() < phrase.end() && phrase.start() < s.end());
            if (!overlaps) {
                spans.add(phrase);
            }
        }
        return spans;
    }
}
