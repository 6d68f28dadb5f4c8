package io.openhire.matching.profiles;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillsTaxonomy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns a parsed resume (the event plus resume-processing's profile and text) into matching's facts. */
@Component
public class CandidateImport {

    static final int EVIDENCE_LINES_PER_SKILL = 2;
    private static final int MAX_EVIDENCE_LINE = 240;

    /** The facts, the searchable text without identity, and the identity kept apart. */
    public record Imported(CandidateFacts facts, String searchText, CandidateStore.Identity identity) {}

    private final SkillsTaxonomy taxonomy;

    public CandidateImport(SkillsTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param view resume-processing's {@code GET /profile?include=text} answer for a parsed resume
     */
    public Imported fromProfile(ResumeParsed event, ProfileView view) {
        CandidateProfile profile = view.profile();
        String name = text(profile.name());
        List<String> emails = strings(profile.emails());
        String searchText = Scrubber.scrub(view.text() == null ? "" : view.text(), name);

        List<CandidateFacts.Skill> skills = new ArrayList<>();
        for (CandidateProfile.SkillMention skill : orEmpty(profile.skills())) {
            skills.add(
                    new CandidateFacts.Skill(text(skill.id()), text(skill.name()), skill.mentions(), skill.listed()));
        }
        if (skills.isEmpty() && event.skills() != null) {
            event.skills().forEach(s -> skills.add(new CandidateFacts.Skill(s.id(), s.name(), 1, false)));
        }
        List<String> titles =
                event.titles() != null && !event.titles().isEmpty() ? event.titles() : titlesOf(profile.work());
        ResumeParsed.Location location = event.location();
        int revision = Math.max(event.revision(), view.revision());
        CandidateFacts facts = new CandidateFacts(
                event.resumeId(),
                candidateId(event.organizationId(), event.resumeId(), emails),
                revision,
                Scrubber.scrub(text(profile.headline()), name),
                event.currentTitle(),
                titles,
                skills,
                event.totalYearsExperience(),
                location == null ? null : new Place(location.city(), location.region(), location.country()),
                event.highestDegree(),
                event.languages(),
                evidence(searchText),
                event.occurredAt());
        return new Imported(facts, searchText, new CandidateStore.Identity(name, emails, strings(profile.phones())));
    }

    /**
     * Resumes of one person share a candidate id: the first email address, within the organisation. A
     * resume without an email address is a candidate of its own.
     */
    static UUID candidateId(UUID org, UUID resumeId, List<String> emails) {
        return emails.isEmpty() ? resumeId : candidateId(org, emails.getFirst());
    }

    /**
     * The candidate whose resumes have {@code email} first: how a data subject's candidates are found after
     * their resumes (and identities) went with resume.deleted.v1, from the lists and feedback that name them.
     */
    public static UUID candidateId(UUID org, String email) {
        String key = "candidate:" + org + ":" + email.strip().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Per taxonomy skill, the first lines of the (scrubbed) text that mention it. */
    Map<String, List<String>> evidence(String searchText) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (String line : searchText.split("\n")) {
            String shown = line.length() > MAX_EVIDENCE_LINE ? line.substring(0, MAX_EVIDENCE_LINE) + "…" : line;
            for (SkillMatch match : taxonomy.find(line)) {
                List<String> lines = evidence.computeIfAbsent(match.skill().id(), id -> new ArrayList<>());
                if (lines.size() < EVIDENCE_LINES_PER_SKILL && !lines.contains(shown)) {
                    lines.add(shown);
                }
            }
        }
        return evidence;
    }

    private static List<String> titlesOf(List<CandidateProfile.Work> work) {
        List<String> titles = new ArrayList<>();
        for (CandidateProfile.Work job : orEmpty(work)) {
            String title = text(job.title());
            if (title != null) {
                titles.add(title);
            }
        }
        return titles;
    }

    /** The values that say something (not blank). */
    private static List<String> strings(List<String> values) {
        return orEmpty(values).stream().filter(v -> text(v) != null).toList();
    }

    /** A text, or null when there is none (blank counts as none). */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
