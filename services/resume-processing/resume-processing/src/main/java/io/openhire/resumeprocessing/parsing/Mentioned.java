package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumetagger.ResumeTagger.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tagger's titles, employers, places and schools that the structured part of the profile does not
 * hold ({@link CandidateProfile.Mentions}). The work history keeps what it can date and place in a job; a resume
 * names more ("seeking a role as Data Analyst", a client of a project, "relocated from Pune"), and search,
 * matching and the person checking the profile should see those too. A value the structured part already holds,
 * or one inside it or around it ("Engineer" beside "Senior Engineer"), is not repeated. Degrees are not among
 * them: outside the education section the tagger's degrees were section headings and sentences.
 */
final class Mentioned {

    /** How sure the tagger must be of a span (the probability of its reading) for it to be shown as said. */
    static final double CONFIDENCE = 0.5;

    /** At most this many values of a kind: a resume listing more is a list, not a history. */
    static final int MAX = 20;

    private Mentioned() {}

    static CandidateProfile.Mentions of(TaggedLines tagged, Extraction found) {
        if (!tagged.learned()) {
            return CandidateProfile.Mentions.NONE;
        }
        // Everything the structured part says, whatever its field: the tagger calling the employer of a job a
        // place ("Kite Travel, London") or a title an employer says nothing new.
        List<String> held = new ArrayList<>();
        Stream.of(
                        Stream.of(
                                found.name() == null ? null : found.name().value(),
                                found.headline(),
                                found.location() == null
                                        ? null
                                        : found.location().location().text()),
                        found.work().stream().flatMap(w -> Stream.of(w.title(), w.employer(), w.location())),
                        found.education().stream()
                                .flatMap(e -> Stream.of(
                                        e.degree(),
                                        e.field(),
                                        e.institution(),
                                        e.degree() == null || e.field() == null ? null : e.degree() + " " + e.field())))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .map(TaggedLines::key)
                .filter(k -> !k.isEmpty())
                .forEach(held::add);
        // A skill of the profile is no employer or place ("keeps the books in DATEV"); compared whole, since a
        // title may well hold one ("Java Developer").
        Set<String> skills = found.skills().stream()
                .map(skill -> TaggedLines.key(skill.name()))
                .collect(Collectors.toSet());
        return new CandidateProfile.Mentions(
                others(tagged, Field.TITLE, held, Set.of()),
                others(tagged, Field.EMPLOYER, held, skills),
                others(tagged, Field.LOCATION, held, skills),
                others(tagged, Field.COLLEGE, held, Set.of()));
    }

    private static List<String> others(TaggedLines tagged, Field field, List<String> held, Set<String> skills) {
        List<String> known = new ArrayList<>(held);
        Map<String, String> out = new LinkedHashMap<>();
        for (TaggedLines.Span span : tagged.all(field)) {
            if (span.score() < CONFIDENCE) {
                continue;
            }
            String text = span.text()
                    .strip()
                    .replaceAll("^[-•*,;:.()|]+|[-•*,;:.()|]+$", "")
                    .strip();
            String key = TaggedLines.key(text);
            if (key.isEmpty() || text.length() > 80 || key.split(" ").length > 10) {
                continue;
            }
            if (skills.contains(key) || known.stream().anyMatch(k -> overlaps(k, key))) {
                continue;
            }
            known.add(key);
            out.put(key, text);
            if (out.size() == MAX) {
                break;
            }
        }
        return List.copyOf(out.values());
    }

    /** One inside the other, word by word ("engineer" in "senior engineer"). */
    private static boolean overlaps(String a, String b) {
        String x = " " + a + " ";
        String y = " " + b + " ";
        return !a.isEmpty() && (x.contains(y) || y.contains(x));
    }
}
