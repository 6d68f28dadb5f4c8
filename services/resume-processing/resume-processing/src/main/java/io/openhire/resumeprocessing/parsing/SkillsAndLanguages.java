package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.Lines.stripBullet;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.Skill;
import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillsTaxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the candidate can do: taxonomy skills, spoken languages and certifications. */
final class SkillsAndLanguages {

    private static final java.util.regex.Pattern DISTINCTIVE =
            java.util.regex.Pattern.compile("[0-9+#./]|\\p{Ll}\\p{Lu}");

    static final double PROSE_PHRASE_CONFIDENCE = 0.65;

    private final SkillsTaxonomy taxonomy;

    SkillsAndLanguages(SkillsTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * Taxonomy skills anywhere in the resume (up to 80), listed ones (in a skills section: a claim) first,
     * then by mentions. A competence ("communication") counts only where it is listed or mentioned twice.
     * Outside a skills section a name counts where the tagger marks a skill over it, or where its written
     * form cannot be a common word (C++, Node.js, PostgreSQL): "reduce", "impact" and "fields" in a
     * sentence are words. What a skills section lists is a claim and always counts.
     */
    List<CandidateProfile.SkillMention> skills(List<String> lines, List<Section> sections, TaggedLines tagged) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Skill> byId = new LinkedHashMap<>();
        Map<String, int[]> phrases = new LinkedHashMap<>();
        Map<String, String> phraseNames = new LinkedHashMap<>();
        for (Section s : sections) {
            boolean listed = s.kind() == Kind.SKILLS;
            List<SkillMatch> matches = new ArrayList<>();
            if (s.inline() != null) {
                matches.addAll(taxonomy.find(s.inline()));
            }
            for (int i = s.from(); i < s.to(); i++) {
                List<TaggedLines.Span> marked = tagged.on(i, ResumeTagger.Field.SKILL);
                for (TaggedLines.Span span : marked) {
                    String phrase = phrase(span);
                    // Outside a skills list a phrase needs the tagger to be sure: prose holds employers
                    // ("ShopLab") and summaries ("subscription and media products") it half takes for skills.
                    if (phrase != null && (listed || span.score() >= PROSE_PHRASE_CONFIDENCE)) {
                        int[] c = phrases.computeIfAbsent(phrase.toLowerCase(Locale.ROOT), k -> new int[2]);
                        c[0]++;
                        c[1] |= listed ? 1 : 0;
                        phraseNames.putIfAbsent(phrase.toLowerCase(Locale.ROOT), phrase);
                    }
                }
                for (SkillMatch match : taxonomy.find(lines.get(i))) {
                    boolean overlaps =
                            marked.stream().anyMatch(t -> t.start() < match.end() && match.start() < t.end());
                    if (listed
                            || overlaps
                            || !tagged.learned()
                            || DISTINCTIVE.matcher(match.surface()).find()) {
                        matches.add(match);
                    }
                }
            }
            for (SkillMatch match : matches) {
                Skill skill = match.skill();
                byId.putIfAbsent(skill.id(), skill);
                int[] c = counts.computeIfAbsent(skill.id(), id -> new int[2]);
                c[0]++;
                if (listed) {
                    c[1] = 1;
                }
            }
        }
        List<CandidateProfile.SkillMention> skills = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Skill skill = byId.get(e.getKey());
            int mentions = e.getValue()[0];
            boolean listed = e.getValue()[1] == 1;
            boolean competence = skill.kind() == Skill.Kind.COMPETENCE;
            if (competence && !listed && mentions < 2) {
                continue;
            }
            skills.add(new CandidateProfile.SkillMention(
                    skill.id(), skill.name(), skill.kind().name(), mentions, listed));
        }
        for (Map.Entry<String, int[]> e : phrases.entrySet()) {
            skills.add(new CandidateProfile.SkillMention(
                    null, phraseNames.get(e.getKey()), "PHRASE", e.getValue()[0], e.getValue()[1] == 1));
        }
        skills.sort(Comparator.comparing(CandidateProfile.SkillMention::listed)
                .thenComparingInt(CandidateProfile.SkillMention::mentions)
                .reversed());
        return List.copyOf(skills.subList(0, Math.min(skills.size(), 80)));
    }

    /**
     * A tagged skill the taxonomy has no name in ("client support", "Hyperion Essbase"), as written, or null
     * when the taxonomy names one inside it (that name counts instead) or it is no phrase (a lone
     * character, a number, a sentence).
     */
    private String phrase(TaggedLines.Span span) {
        String text = span.text()
                .strip()
                .replaceAll("^[-•*,;:.()]+|[-•*,;:.()]+$", "")
                .strip();
        if (text.length() < 2 || text.length() > 60 || text.split("\\s+").length > 5) {
            return null;
        }
        if (!text.chars().anyMatch(Character::isLetter) || !taxonomy.find(text).isEmpty()) {
            return null;
        }
        return text;
    }

    /** Known languages in the languages sections (their first ten lines), in order, each once. */
    static List<String> languages(List<String> lines, List<Section> sections) {
        Set<String> found = new LinkedHashSet<>();
        for (Section s : sections) {
            if (s.kind() != Kind.LANGUAGES) {
                continue;
            }
            StringBuilder text = new StringBuilder(s.inline() == null ? "" : s.inline());
            for (int i = s.from(); i < Math.min(s.to(), s.from() + 10); i++) {
                text.append(' ').append(lines.get(i));
            }
            for (String word : text.toString().split("[^A-Za-z]+")) {
                String w = word.isEmpty()
                        ? word
                        : Character.toUpperCase(word.charAt(0))
                                + word.substring(1).toLowerCase(Locale.ROOT);
                if (WordLists.LANGUAGES.contains(w)) {
                    found.add(w);
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Up to 20: the lines of the certifications sections, then any short line elsewhere that says
     * "certified", "certification" or "certificate".
     */
    static List<String> certifications(List<String> lines, List<Section> sections) {
        Set<String> found = new LinkedHashSet<>();
        for (Section s : sections) {
            if (s.kind() == Kind.CERTIFICATIONS) {
                if (s.inline() != null) {
                    for (String part : s.inline().split("\\s*[,;]\\s*")) {
                        if (!part.isBlank()) {
                            found.add(part.strip());
                        }
                    }
                }
                for (int i = s.from(); i < Math.min(s.to(), s.from() + 15); i++) {
                    String line = stripBullet(lines.get(i));
                    if (!line.isEmpty() && line.split("\\s+").length <= 20) {
                        found.add(line);
                    }
                }
            }
        }
        for (String raw : lines) {
            String line = stripBullet(raw);
            if (found.size() < 20
                    && line.split("\\s+").length <= 14
                    && line.matches("(?i).*\\b(certified|certification|certificate)\\b.*")
                    && Sections.headingOf(line) == null) {
                found.add(line);
            }
        }
        return List.copyOf(found).subList(0, Math.min(found.size(), 20));
    }
}
