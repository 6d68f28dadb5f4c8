package io.openhire.applications.candidates;

import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.CandidateField;
import io.openhire.applications.events.CandidateUpdated;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidates as people: one record across their resumes. A resume's parse lands on the person it belongs to (the
 * same id matching gives them); what is shown of each editable field is a person's latest correction, else what
 * the newest resume says. Corrections are kept, every one, beside the parsed value: they are labelled examples
 * for the parser.
 */
@Service
public class Candidates {

    /** The editable fields, as the API names them, and their columns. */
    public static final Map<String, String> FIELDS = fields();

    private static final TypeReference<Map<String, String>> PARSED = new TypeReference<>() {};
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,30}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+#&-]{0,39}");

    /** What a parse found in one resume. */
    public record Parse(
            UUID resumeId,
            UUID organizationId,
            int revision,
            Map<String, String> values,
            List<String> emails,
            List<String> skills,
            List<String> titles,
            Instant parsedAt) {}

    /** A candidate as stored, for the API's views. */
    public record Stored(
            UUID id,
            UUID organizationId,
            Map<String, CandidateField> fields,
            List<String> skills,
            List<String> titles,
            List<String> tags,
            List<Resume> resumes,
            UUID mergedInto,
            Instant updatedAt) {

        public String value(String field) {
            CandidateField f = fields.get(field);
            return f == null ? null : f.value();
        }
    }

    public record Resume(UUID resumeId, int revision, Instant parsedAt) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    Candidates(JdbcClient jdbc, Outbox outbox, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The person's id as matching gives it: the first email address within the organisation; a resume without
     * one is a person of its own.
     */
    public static UUID candidateId(UUID org, UUID resumeId, List<String> emails) {
        if (emails == null || emails.isEmpty()) {
            return resumeId;
        }
        String key = "candidate:" + org + ":" + emails.getFirst().strip().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Files a resume's parse under its person: the resume's earlier person unless a merge or split pinned it
     * elsewhere, else the person its email address names (or the record that person was merged into). A parse
     * older than the one stored, or of a deleted resume, is ignored.
     *
     * @return the candidate the resume belongs to, or empty when ignored
     */
    @Transactional
    public Optional<UUID> fileParse(Parse parse) {
        boolean deleted = jdbc.sql("SELECT count(*) FROM deleted_resume WHERE resume_id = :id")
                        .param("id", parse.resumeId())
                        .query(Long.class)
                        .single()
                > 0;
        if (deleted) {
            return Optional.empty();
        }
        Optional<ResumeRow> before = resumeRow(parse.resumeId());
        if (before.isPresent()
                && (before.get().revision() > parse.revision()
                        || !before.get().organizationId().equals(parse.organizationId()))) {
            return Optional.empty();
        }
        UUID candidateId = before.filter(ResumeRow::pinned)
                .map(ResumeRow::candidateId)
                .orElseGet(() -> survivor(candidateId(parse.organizationId(), parse.resumeId(), parse.emails())));
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO candidate (id, organization_id, created_at, updated_at) VALUES (:id, :org, :now, :now)
                        ON CONFLICT (id) DO NOTHING
                        """)
                .param("id", candidateId)
                .param("org", parse.organizationId())
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        INSERT INTO candidate_resume (resume_id, organization_id, candidate_id, revision, parsed, skills,
                            titles, parsed_at)
                        VALUES (:resume, :org, :candidate, :revision, CAST(:parsed AS jsonb), :skills, :titles, :at)
                        ON CONFLICT (resume_id) DO UPDATE SET candidate_id = excluded.candidate_id,
                            revision = excluded.revision, parsed = excluded.parsed, skills = excluded.skills,
                            titles = excluded.titles, parsed_at = excluded.parsed_at
                        """)
                .param("resume", parse.resumeId())
                .param("org", parse.organizationId())
                .param("candidate", candidateId)
                .param("revision", parse.revision())
                .param("parsed", json.writeValueAsString(parse.values()))
                .param("skills", parse.skills().toArray(String[]::new))
                .param("titles", parse.titles().toArray(String[]::new))
                .param("at", Timestamp.from(parse.parsedAt()))
                .update();
        refresh(candidateId);
        before.map(ResumeRow::candidateId)
                .filter(previous -> !previous.equals(candidateId))
                .ifPresent(this::refresh);
        return Optional.of(candidateId);
    }

    /**
     * Files an applicant's resume, before it is parsed, under the person the form names (or under the person the
     * resume already belongs to, for a file sent before): pinned there, so that its parse lands on them. What the
     * person wrote in the form (name, email, phone) is their own correction of what the parser will read.
     *
     * @return the candidate
     */
    @Transactional
    public UUID fileApplicant(UUID org, UUID resumeId, String name, String email, String phone) {
        Optional<ResumeRow> before =
                resumeRow(resumeId).filter(r -> r.organizationId().equals(org));
        UUID candidateId = before.map(ResumeRow::candidateId)
                .orElseGet(() -> survivor(candidateId(org, resumeId, List.of(email))));
        Instant now = clock.instant();
        if (before.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO candidate (id, organization_id, created_at, updated_at) VALUES (:id, :org, :now, :now)
                            ON CONFLICT (id) DO NOTHING
                            """)
                    .param("id", candidateId)
                    .param("org", org)
                    .param("now", Timestamp.from(now))
                    .update();
            pinUnparsed(org, resumeId, candidateId, now);
        }
        Stored stored = require(org, candidateId);
        Map<String, String> given = new LinkedHashMap<>();
        given.put("name", name);
        given.put("email", email);
        given.put("phone", phone);
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (entry.getValue() == null || entry.getValue().equals(stored.value(entry.getKey()))) {
                continue;
            }
            CandidateField current = stored.fields().get(entry.getKey());
            jdbc.sql("""
                            INSERT INTO candidate_correction (id, organization_id, candidate_id, resume_id, field,
                                parsed_value, corrected_value, actor, corrected_at)
                            VALUES (:id, :org, :candidate, :resume, :field, :parsed, :value, 'candidate', :at)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", org)
                    .param("candidate", stored.id())
                    .param("resume", resumeId)
                    .param("field", entry.getKey())
                    .param("parsed", current == null ? null : current.parsed())
                    .param("value", valid(entry.getKey(), entry.getValue()))
                    .param("at", Timestamp.from(now))
                    .update();
        }
        refresh(stored.id());
        return stored.id();
    }

    /**
     * Files a resume the candidate sent themself (the candidate portal) under their record, pinned there so that
     * its parse lands on them whatever address it names. A file that is already another person's is refused.
     */
    @Transactional
    public void fileResume(UUID org, UUID resumeId, UUID candidateId) {
        Stored stored = require(org, candidateId);
        Optional<ResumeRow> before =
                resumeRow(resumeId).filter(r -> r.organizationId().equals(org));
        if (before.isPresent()) {
            if (!before.get().candidateId().equals(stored.id())) {
                throw DomainException.conflict(
                        "resume-of-someone-else", "This file is already on record for someone else: send your own.");
            }
            return;
        }
        pinUnparsed(org, resumeId, stored.id(), clock.instant());
        refresh(stored.id());
    }

    /** A resume not parsed yet (revision 0), pinned to its person: its parse lands on them. */
    private void pinUnparsed(UUID org, UUID resumeId, UUID candidateId, Instant now) {
        jdbc.sql("""
                        INSERT INTO candidate_resume (resume_id, organization_id, candidate_id, revision, parsed, skills,
                            titles, pinned, parsed_at)
                        VALUES (:resume, :org, :candidate, 0, '{}'::jsonb, '{}', '{}', true, :now)
                        ON CONFLICT (resume_id) DO NOTHING
                        """)
                .param("resume", resumeId)
                .param("org", org)
                .param("candidate", candidateId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A resume was deleted: it no longer speaks for its person (whose record stays with its applications). */
    @Transactional
    public void forgetResume(UUID org, UUID resumeId) {
        jdbc.sql("""
                        INSERT INTO deleted_resume (resume_id, organization_id, deleted_at) VALUES (:id, :org, :now)
                        ON CONFLICT (resume_id) DO NOTHING
                        """)
                .param("id", resumeId)
                .param("org", org)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        Optional<ResumeRow> row =
                resumeRow(resumeId).filter(r -> r.organizationId().equals(org));
        if (row.isPresent()) {
            jdbc.sql("DELETE FROM candidate_resume WHERE resume_id = :id")
                    .param("id", resumeId)
                    .update();
            refresh(row.get().candidateId());
        }
    }

    public Optional<Stored> find(UUID org, UUID candidateId) {
        return jdbc.sql("SELECT * FROM candidate WHERE organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", candidateId)
                .query(this::stored)
                .optional();
    }

    /** The candidate (following a merge to the record it went into), or a 404. */
    public Stored require(UUID org, UUID candidateId) {
        Stored stored = find(org, candidateId).orElseThrow(() -> DomainException.notFound("The candidate"));
        if (stored.mergedInto() != null) {
            return require(org, stored.mergedInto());
        }
        return stored;
    }

    public Optional<UUID> ofResume(UUID org, UUID resumeId) {
        return resumeRow(resumeId).filter(r -> r.organizationId().equals(org)).map(ResumeRow::candidateId);
    }

    /** Applies a person's corrections; each changed field is recorded beside its parsed value. */
    @Transactional
    public Stored correct(UUID org, UUID candidateId, CandidateCorrection correction, String actor) {
        Stored stored = require(org, candidateId);
        Map<String, String> given = new LinkedHashMap<>();
        if (correction != null) {
            given.put("name", correction.name());
            given.put("email", correction.email());
            given.put("phone", correction.phone());
            given.put("location", correction.location());
            given.put("headline", correction.headline());
            given.put("currentTitle", correction.currentTitle());
        }
        given.values().removeIf(java.util.Objects::isNull);
        if (given.isEmpty()) {
            throw DomainException.invalid("nothing-to-correct", "Give at least one field to correct.");
        }
        List<String> changed = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String field = entry.getKey();
            String value = valid(field, entry.getValue());
            CandidateField current = stored.fields().get(field);
            boolean corrected = current != null && current.correctedBy() != null;
            // Nothing to do: the same value again, or taking back a correction there is not.
            if ((value != null && value.equals(stored.value(field))) || (value == null && !corrected)) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO candidate_correction (id, organization_id, candidate_id, resume_id, field,
                                parsed_value, corrected_value, actor, corrected_at)
                            VALUES (:id, :org, :candidate, :resume, :field, :parsed, :value, :actor, :at)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", org)
                    .param("candidate", stored.id())
                    .param(
                            "resume",
                            stored.resumes().isEmpty()
                                    ? null
                                    : stored.resumes().getFirst().resumeId())
                    .param("field", field)
                    .param("parsed", current == null ? null : current.parsed())
                    .param("value", value)
                    .param("actor", actor)
                    .param("at", Timestamp.from(now))
                    .update();
            changed.add(field);
        }
        if (!changed.isEmpty()) {
            refresh(stored.id());
            announce(org, stored.id(), changed, List.of(), actor);
        }
        return require(org, stored.id());
    }

    /** Sets the candidate's tags (trimmed, case kept, duplicates ignoring case dropped). */
    @Transactional
    public Stored tag(UUID org, UUID candidateId, List<String> tags, String actor) {
        Stored stored = require(org, candidateId);
        if (tags == null || tags.size() > 30) {
            throw DomainException.invalidField("tags", "a list of at most 30 tags");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            if (!TAG.matcher(tag).matches()) {
                throw DomainException.invalidField(
                        "tags[" + i + "]",
                        "1–40 letters, digits, spaces or . _ + # & -, starting with a letter or digit");
            }
            unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        if (Set.copyOf(stored.tags()).equals(Set.copyOf(unique.values()))) {
            return stored;
        }
        jdbc.sql("DELETE FROM candidate_tag WHERE candidate_id = :id")
                .param("id", stored.id())
                .update();
        for (String tag : unique.values()) {
            jdbc.sql("INSERT INTO candidate_tag (candidate_id, organization_id, tag) VALUES (:id, :org, :tag)")
                    .param("id", stored.id())
                    .param("org", org)
                    .param("tag", tag)
                    .update();
        }
        touch(stored.id());
        announce(org, stored.id(), List.of("tags"), List.of(), actor);
        return require(org, stored.id());
    }

    /**
     * Merges a duplicate record into {@code survivorId}: its resumes (pinned there), applications, notes, tags and
     * corrections move; the duplicate is kept only as a pointer to the survivor. Refused when both applied to the
     * same job (withdraw or reject one first).
     */
    @Transactional
    public Stored merge(UUID org, UUID survivorId, UUID duplicateId, String actor) {
        if (duplicateId == null) {
            throw DomainException.invalidField("candidateId", "is required: the duplicate to merge in");
        }
        Stored survivor = require(org, survivorId);
        Stored duplicate = require(org, duplicateId);
        if (survivor.id().equals(duplicate.id())) {
            throw DomainException.invalidField("candidateId", "is this candidate already");
        }
        List<UUID> sharedJobs = jdbc.sql("""
                        SELECT a.job_id FROM application a JOIN application b ON a.job_id = b.job_id
                        WHERE a.candidate_id = :survivor AND b.candidate_id = :duplicate
                        """)
                .param("survivor", survivor.id())
                .param("duplicate", duplicate.id())
                .query(UUID.class)
                .list();
        if (!sharedJobs.isEmpty()) {
            throw DomainException.conflict(
                            "both-applied",
                            "Both records have an application for the same job: keep one of them first.")
                    .with("jobIds", sharedJobs);
        }
        for (String table : List.of("application", "note", "candidate_correction")) {
            jdbc.sql("UPDATE " + table + " SET candidate_id = :survivor WHERE candidate_id = :duplicate")
                    .param("survivor", survivor.id())
                    .param("duplicate", duplicate.id())
                    .update();
        }
        jdbc.sql("""
                        UPDATE candidate_resume SET candidate_id = :survivor, pinned = true WHERE candidate_id = :duplicate
                        """)
                .param("survivor", survivor.id())
                .param("duplicate", duplicate.id())
                .update();
        jdbc.sql("""
                        INSERT INTO candidate_tag (candidate_id, organization_id, tag)
                        SELECT :survivor, organization_id, tag FROM candidate_tag t WHERE t.candidate_id = :duplicate
                          AND NOT EXISTS (SELECT 1 FROM candidate_tag s WHERE s.candidate_id = :survivor
                                          AND lower(s.tag) = lower(t.tag))
                        """)
                .param("survivor", survivor.id())
                .param("duplicate", duplicate.id())
                .update();
        jdbc.sql("DELETE FROM candidate_tag WHERE candidate_id = :duplicate")
                .param("duplicate", duplicate.id())
                .update();
        jdbc.sql("""
                        UPDATE candidate SET merged_into = :survivor, search = ''::tsvector, updated_at = :now
                        WHERE id = :duplicate
                        """)
                .param("survivor", survivor.id())
                .param("duplicate", duplicate.id())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        // Records merged into the duplicate before now point at the survivor.
        jdbc.sql("UPDATE candidate SET merged_into = :survivor WHERE merged_into = :duplicate")
                .param("survivor", survivor.id())
                .param("duplicate", duplicate.id())
                .update();
        refresh(survivor.id());
        announce(org, survivor.id(), List.of("resumes", "applications"), List.of(duplicate.id()), actor);
        return require(org, survivor.id());
    }

    /**
     * Takes one resume out of a record into a record of its own (two people were taken for one). The resume
     * stays pinned to the new record; the applications stay where they are.
     */
    @Transactional
    public Stored split(UUID org, UUID candidateId, UUID resumeId, String actor) {
        if (resumeId == null) {
            throw DomainException.invalidField("resumeId", "is required: the resume that is another person's");
        }
        Stored stored = require(org, candidateId);
        if (stored.resumes().stream().noneMatch(r -> r.resumeId().equals(resumeId))) {
            throw DomainException.invalidField("resumeId", "is not one of this candidate's resumes");
        }
        if (stored.resumes().size() < 2) {
            throw DomainException.conflict("only-resume", "The candidate has this one resume only: nothing to split.");
        }
        UUID newId = find(org, resumeId).isPresent() ? UUID.randomUUID() : resumeId;
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO candidate (id, organization_id, created_at, updated_at) VALUES (:id, :org, :now, :now)")
                .param("id", newId)
                .param("org", org)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("UPDATE candidate_resume SET candidate_id = :id, pinned = true WHERE resume_id = :resume")
                .param("id", newId)
                .param("resume", resumeId)
                .update();
        refresh(stored.id());
        refresh(newId);
        announce(org, stored.id(), List.of("resumes"), List.of(), actor);
        announce(org, newId, List.of("resumes"), List.of(), actor);
        return require(org, newId);
    }

    /**
     * Recomputes what a record shows from its resumes (newest first) and its corrections, and its search text.
     */
    void refresh(UUID candidateId) {
        List<ResumeRow> resumes =
                jdbc.sql("""
                        SELECT * FROM candidate_resume WHERE candidate_id = :id ORDER BY parsed_at DESC, resume_id
                        """).param("id", candidateId).query(this::mapResumeRow).list();
        Map<String, String> parsed =
                resumes.isEmpty() ? Map.of() : resumes.getFirst().parsed();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String field : FIELDS.keySet()) {
            shown.put(field, parsed.get(field));
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (field) field, corrected_value FROM candidate_correction
                        WHERE candidate_id = :id ORDER BY field, corrected_at DESC
                        """)
                .param("id", candidateId)
                .query((rs, i) -> Map.entry(rs.getString(1), Optional.ofNullable(rs.getString(2))))
                .list()
                // a correction to nothing takes the person's word back: the parsed value shows again
                .forEach(e -> shown.put(e.getKey(), e.getValue().orElse(parsed.get(e.getKey()))));
        Set<String> skills = new LinkedHashSet<>();
        Set<String> skillKeys = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        for (ResumeRow resume : resumes) {
            for (String skill : resume.skills()) {
                if (skillKeys.add(skill.toLowerCase(Locale.ROOT))) {
                    skills.add(skill);
                }
            }
            titles.addAll(resume.titles());
        }
        List<String> words = new ArrayList<>(
                shown.values().stream().filter(java.util.Objects::nonNull).toList());
        String email = shown.get("email");
        if (email != null && email.contains("@")) {
            words.addAll(Arrays.asList(email.split("[@.]")));
        }
        words.addAll(titles);
        words.addAll(skills);
        jdbc.sql("""
                        UPDATE candidate SET name = :name, email = :email, phone = :phone, location = :location,
                            headline = :headline, current_title = :currentTitle, skills = :skills,
                            skill_keys = :skillKeys, titles = :titles, search = to_tsvector('simple', :search),
                            updated_at = :now
                        WHERE id = :id
                        """)
                .param("name", shown.get("name"))
                .param("email", shown.get("email"))
                .param("phone", shown.get("phone"))
                .param("location", shown.get("location"))
                .param("headline", shown.get("headline"))
                .param("currentTitle", shown.get("currentTitle"))
                .param("skills", skills.toArray(String[]::new))
                .param("skillKeys", skillKeys.toArray(String[]::new))
                .param("titles", titles.toArray(String[]::new))
                .param("search", String.join(" ", words))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", candidateId)
                .update();
    }

    private void touch(UUID candidateId) {
        jdbc.sql("UPDATE candidate SET updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", candidateId)
                .update();
    }

    private void announce(UUID org, UUID candidateId, List<String> fields, List<UUID> merged, String actor) {
        outbox.publish(
                CandidateUpdated.TOPIC,
                candidateId.toString(),
                new CandidateUpdated(candidateId, org, fields, merged, actor, clock.instant()),
                org);
    }

    /** The record a merged-away id now lives in (itself when not merged). */
    private UUID survivor(UUID candidateId) {
        return jdbc.sql("SELECT merged_into FROM candidate WHERE id = :id AND merged_into IS NOT NULL")
                .param("id", candidateId)
                .query(UUID.class)
                .optional()
                .orElse(candidateId);
    }

    /**
     * An editable field's value as it may be stored: stripped, one line, not too long, an email or phone number
     * that looks like one; null for an empty value. Refused with a 400 naming the field.
     */
    public static String valid(String field, String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField(field, "one line, without control characters");
        }
        int max = "headline".equals(field) ? 300 : 200;
        if (value.length() > max) {
            throw DomainException.invalidField(field, "at most " + max + " characters");
        }
        if ("email".equals(field) && !EMAIL.matcher(value).matches()) {
            throw DomainException.invalidField(field, "is not an email address");
        }
        if ("phone".equals(field) && !PHONE.matcher(value).matches()) {
            throw DomainException.invalidField(field, "is not a phone number (digits, spaces, + ( ) . / -)");
        }
        return value;
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        // The resumes, newest first; what the newest one parsed is what the fields stand beside.
        List<Map<String, String>> parses = new ArrayList<>();
        List<Resume> resumes = jdbc.sql("""
                        SELECT resume_id, revision, parsed_at, parsed FROM candidate_resume
                        WHERE candidate_id = :id ORDER BY parsed_at DESC, resume_id
                        """)
                .param("id", id)
                .query((r, i) -> {
                    if (i == 0) {
                        parses.add(json.readValue(r.getString("parsed"), PARSED));
                    }
                    return new Resume(
                            r.getObject("resume_id", UUID.class),
                            r.getInt("revision"),
                            r.getTimestamp("parsed_at").toInstant());
                })
                .list();
        Map<String, String> parsed = parses.isEmpty() ? Map.of() : parses.getFirst();
        Map<String, Correction> corrections = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (field) field, actor, corrected_at, corrected_value FROM candidate_correction
                        WHERE candidate_id = :id ORDER BY field, corrected_at DESC
                        """)
                .param("id", id)
                .query((r, i) -> Map.entry(
                        r.getString(1),
                        Optional.ofNullable(
                                r.getString(4) == null
                                        ? null
                                        : new Correction(
                                                r.getString(2),
                                                r.getTimestamp(3).toInstant()))))
                .list()
                .forEach(e -> e.getValue().ifPresent(c -> corrections.put(e.getKey(), c)));
        Map<String, CandidateField> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            Correction correction = corrections.get(field.getKey());
            fields.put(
                    field.getKey(),
                    new CandidateField(
                            rs.getString(field.getValue()),
                            parsed.get(field.getKey()),
                            correction == null ? null : correction.actor(),
                            correction == null ? null : correction.at()));
        }
        List<String> tags = jdbc.sql("SELECT tag FROM candidate_tag WHERE candidate_id = :id ORDER BY lower(tag)")
                .param("id", id)
                .query(String.class)
                .list();
        return new Stored(
                id,
                rs.getObject("organization_id", UUID.class),
                fields,
                strings(rs.getArray("skills")),
                strings(rs.getArray("titles")),
                tags,
                resumes,
                rs.getObject("merged_into", UUID.class),
                rs.getTimestamp("updated_at").toInstant());
    }

    private record Correction(String actor, Instant at) {}

    private record ResumeRow(
            UUID resumeId,
            UUID organizationId,
            UUID candidateId,
            int revision,
            boolean pinned,
            Map<String, String> parsed,
            List<String> skills,
            List<String> titles) {}

    private Optional<ResumeRow> resumeRow(UUID resumeId) {
        return jdbc.sql("SELECT * FROM candidate_resume WHERE resume_id = :id")
                .param("id", resumeId)
                .query(this::mapResumeRow)
                .optional();
    }

    private ResumeRow mapResumeRow(ResultSet rs, int row) throws SQLException {
        return new ResumeRow(
                rs.getObject("resume_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("candidate_id", UUID.class),
                rs.getInt("revision"),
                rs.getBoolean("pinned"),
                json.readValue(rs.getString("parsed"), PARSED),
                strings(rs.getArray("skills")),
                strings(rs.getArray("titles")));
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "name");
        fields.put("email", "email");
        fields.put("phone", "phone");
        fields.put("location", "location");
        fields.put("headline", "headline");
        fields.put("currentTitle", "current_title");
        return java.util.Collections.unmodifiableMap(fields);
    }
}
