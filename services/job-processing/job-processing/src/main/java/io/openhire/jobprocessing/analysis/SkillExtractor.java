package io.openhire.jobprocessing.analysis;

import io.openhire.skills.Skill;
import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The skills a job ad asks for. A learned tagger ({@link SkillTagger}) marks the words of each line that
 * name a skill; what it marks is normalised to the taxonomy where a concept is named inside it (O*NET
 * technologies, ESCO skills, with their aliases) and kept as a phrase where none is ("event sourcing").
 * A taxonomy name the tagger does not mark counts only when its written form cannot be a common word
 * (C++, Node.js, PostgreSQL): "plan", "logistics", "BASIC" or "FAST" are words before they are skills,
 * and a false required skill lowers every candidate's score. Each skill is required, or only nice to have
 * when it sits in a "Nice to have"/"Preferred" section or its sentence says so ("… is a plus").
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

    /**
     * A phrase the taxonomy does not know is kept when the tagger is at least this sure of every word
     * (a taxonomy concept inside a tagged span needs no such bar: two signals agree).
     */
    static final double PHRASE_CONFIDENCE = 0.5;

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
    private static final Pattern PHRASE_CUE = Pattern.compile(
            "(?i)\\b(?:experience|expertise|proficiency|proficient|knowledge|familiarity|familiar|background|skilled|"
                    + "fluency|fluent|competence|understanding|working knowledge|hands-on experience)\\s+(?:with|in|of|using)\\s+"
                    + "(?:the\\s+|a\\s+|an\\s+)?(?<phrase>[^.;:()!?\\n]{2,80})");
    private static final Pattern SPLIT =
            Pattern.compile("\\s*(?:,|/|\\band\\b|\\bor\\b|\\bas well as\\b|\\bincluding\\b|\\be\\.g\\.)\\s*");
    private static final Pattern CERTIFICATION = Pattern.compile("\\s+(?:certification|certificate|certified)$");
    private static final Set<Sections.Kind> NOT_ASKED =
            Set.of(Sections.Kind.BENEFITS, Sections.Kind.ABOUT, Sections.Kind.SALARY);
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "(?i)\\s+(?:is|are|would|will|to|that|which|for|preferred|required|desired|a plus|strongly)\\b.*$");
    private static final Pattern DISTINCTIVE = Pattern.compile("[0-9+#./]|\\p{Ll}\\p{Lu}");

    private final SkillsTaxonomy taxonomy;
    private final Supplier<SkillTagger> tagger;

    /** With the shipped tagger. */
    public SkillExtractor(SkillsTaxonomy taxonomy) {
        this(taxonomy, SkillTagger.load(taxonomy));
    }

    public SkillExtractor(SkillsTaxonomy taxonomy, SkillTagger tagger) {
        this(taxonomy, () -> tagger);
    }

    /**
     * @param tagger the tagger to read with, asked once per ad (the service's is the registry's champion, which
     *     a promotion swaps while ads are being read: one ad is read by one model)
     */
    public SkillExtractor(SkillsTaxonomy taxonomy, Supplier<SkillTagger> tagger) {
        this.taxonomy = taxonomy;
        this.tagger = tagger;
    }

    public SkillsTaxonomy taxonomy() {
        return taxonomy;
    }

    public List<ExtractedSkill> extract(String text) {
        SkillTagger tagger = this.tagger.get();
        Map<String, ExtractedSkill> found = new LinkedHashMap<>();
        Set<String> listedKeys = new java.util.HashSet<>(); // skills a requirement list named
        List<Sections.Line> lines = Sections.of(text);
        boolean statesRequirements = lines.stream()
                .anyMatch(l -> l.section() == Sections.Kind.REQUIREMENTS || l.section() == Sections.Kind.NICE_TO_HAVE);
        for (Sections.Line line : lines) {
            if (NOT_ASKED.contains(line.section())) {
                continue;
            }
            Importance importance = line.section() == Sections.Kind.NICE_TO_HAVE || Sections.prefers(line.text())
                    ? Importance.NICE_TO_HAVE
                    : Importance.REQUIRED;
            // Phrases the taxonomy does not know are read where the ad says what it asks for: in duties
            // ("Work with designers", "turn what you learn into a roadmap") they are tasks, not skills.
            boolean phrasesHere = line.section() == Sections.Kind.REQUIREMENTS
                    || line.section() == Sections.Kind.NICE_TO_HAVE
                    || (!statesRequirements && line.section() == Sections.Kind.OTHER);
            List<Named> names = read(tagger, line.text()).named();
            if (names.isEmpty() && phrasesHere) {
                names = requirementPhrases(line.text());
            }
            for (Named named : names) {
                if (named.skill() == null && !phrasesHere) {
                    continue;
                }
                String name = named.skill() != null
                        ? named.skill().name()
                        : line.text().substring(named.start(), named.end());
                String id = named.skill() != null ? named.skill().id() : null;
                add(
                        found,
                        listedKeys,
                        new ExtractedSkill(id, name, importance, line.text()),
                        phrasesHere && statesRequirements);
            }
        }
        return List.copyOf(found.values());
    }

    /** A skill named in a line: a taxonomy concept, or (skill null) a phrase. */
    record Named(Skill skill, int start, int end) {}

    /**
     * How a line is read: the skills it names, in order (see the class comment for what counts), and the
     * character spans behind them as the evaluation scores them (what the tagger marks and keeps, whole,
     * even where a concept inside it is what {@link #extract} reports; and the distinctive taxonomy names
     * it does not mark).
     */
    record Reading(List<Named> named, List<Span> spans) {}

    Reading read(SkillTagger tagger, String line) {
        List<SkillTagger.TaggedSpan> tagged = tagger.spans(line);
        List<SkillMatch> matches = taxonomy.find(line);
        List<Named> named = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (SkillTagger.TaggedSpan span : tagged) {
            boolean normalised = matches.stream().anyMatch(m -> span.start() < m.end() && m.start() < span.end());
            Span phrase = normalised || span.score() < PHRASE_CONFIDENCE ? null : trim(line, span.start(), span.end());
            if (normalised || phrase != null) {
                spans.add(new Span(span.start(), span.end()));
            }
            if (phrase != null) {
                named.add(new Named(null, phrase.start(), phrase.end()));
            }
        }
        for (SkillMatch match : matches) {
            boolean marked = tagged.stream().anyMatch(t -> t.start() < match.end() && match.start() < t.end());
            boolean standsAlone = !marked && distinctive(line, match);
            if (marked || standsAlone) {
                named.add(new Named(match.skill(), match.start(), match.end()));
            }
            if (standsAlone) {
                spans.add(new Span(match.start(), match.end()));
            }
        }
        named.sort(java.util.Comparator.comparingInt(Named::start));
        return new Reading(named, spans);
    }

    /**
     * Whether a taxonomy name can stand without the tagger: its written form has a digit, a symbol or an
     * inner capital (C++, Node.js, PostgreSQL); it is a technology written as a name (capitalised, not in
     * capitals, and not merely a line's first word: "Apache Kafka", "… on Terraform"); or it is the whole
     * of a bullet or line ("- Docker"; a line in capitals only when bulleted: a heading's "APPS" is not).
     * "plan", "BASIC", "FAST" in running text are words, not skills.
     */
    static boolean distinctive(String line, SkillMatch match) {
        String surface = match.surface();
        if (DISTINCTIVE.matcher(surface).find()) {
            return true;
        }
        String before = line.substring(0, match.start());
        String after = line.substring(match.end());
        boolean capitals = surface.equals(surface.toUpperCase(Locale.ROOT));
        if (before.chars().noneMatch(Character::isLetterOrDigit)
                && after.chars().noneMatch(Character::isLetterOrDigit)) {
            return !capitals || !before.isBlank();
        }
        boolean named = Character.isUpperCase(surface.charAt(0)) && !capitals;
        boolean firstWord = before.chars().noneMatch(Character::isLetterOrDigit);
        return match.skill().kind() == Skill.Kind.TECHNOLOGY && named && (surface.contains(" ") || !firstWord);
    }

    /**
     * A requirement the tagger marks nothing in, read by its wording: what follows "experience in",
     * "knowledge of" ("2+ years of experience in intensive care or critical care"), else the bullet itself
     * when it is short ("Registered nurse license", "Basic Life Support and Advanced Cardiac Life Support
     * certification"), cut at "and", "or" and commas. The tagger learned from tech and business ads; a
     * requirements list in another trade still says what it asks for.
     */
    List<Named> requirementPhrases(String line) {
        List<Span> spans = new ArrayList<>();
        Matcher cue = PHRASE_CUE.matcher(line);
        while (cue.find()) {
            splitInto(line, cue.start("phrase"), cue.end("phrase"), spans);
        }
        if (spans.isEmpty() && line.strip().split("\\s+").length <= 10) {
            splitInto(line, 0, line.length(), spans);
        }
        List<Named> named = new ArrayList<>();
        for (Span span : spans) {
            named.add(new Named(null, span.start(), span.end()));
        }
        return named;
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

    /**
     * A skill named twice keeps its strongest importance, except that what the requirement lists say
     * wins over a mention in the duties: "Run what you build on Kubernetes" above "Nice to have:
     * Kubernetes" leaves Kubernetes nice to have.
     */
    private static void add(
            Map<String, ExtractedSkill> found,
            Set<String> listedKeys,
            ExtractedSkill skill,
            boolean fromRequirementList) {
        String key = skill.id() != null ? skill.id() : "phrase:" + skill.name().toLowerCase(Locale.ROOT);
        ExtractedSkill before = found.get(key);
        boolean beforeListed = listedKeys.contains(key);
        if (before == null
                || (fromRequirementList && !beforeListed)
                || (fromRequirementList == beforeListed
                        && before.importance() == Importance.NICE_TO_HAVE
                        && skill.importance() == Importance.REQUIRED)) {
            found.put(key, skill);
            if (fromRequirementList) {
                listedKeys.add(key);
            }
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
        String lower = line.substring(start, end).toLowerCase(Locale.ROOT);
        for (String article : new String[] {"the ", "a ", "an ", "strong ", "good ", "solid ", "excellent "}) {
            if (lower.startsWith(article)) {
                start += article.length();
                lower = lower.substring(article.length());
            }
        }
        // Cut a trailing clause ("… is a plus", "… preferred", "… required", "… to build …").
        Matcher tail = TRAILING_CLAUSE.matcher(lower);
        if (tail.find()) {
            lower = lower.substring(0, tail.start());
        }
        lower = lower.strip();
        // "Advanced Cardiac Life Support certification" is asked as "Advanced Cardiac Life Support": a
        // resume names the skill, rarely the word "certification".
        Matcher paper = CERTIFICATION.matcher(lower);
        if (paper.find() && paper.start() > 0) {
            lower = lower.substring(0, paper.start()).strip();
        }
        if (lower.length() < 2 || WEAK.contains(lower) || lower.split("\\s+").length > 6) {
            return null;
        }
        return new Span(start, start + lower.length());
    }

    /** Character spans naming skills in a sentence: what the evaluation scores (see {@link #read}). */
    public List<Span> spans(String sentence) {
        return read(tagger.get(), sentence).spans();
    }
}
