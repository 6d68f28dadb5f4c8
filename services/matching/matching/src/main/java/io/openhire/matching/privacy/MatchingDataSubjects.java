package io.openhire.matching.privacy;

import io.openhire.matching.index.MatchIndex;
import io.openhire.matching.profiles.CandidateImport;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.SourceChanged;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.client.SubjectSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * matching's part of a data-subject request. The person is found in {@code candidate_identity} by the first email
 * address or first phone number of a resume (those further down may be a referee's, whose resume it is not); their
 * candidates are those resumes' candidates, and, since a candidate id is made from the first email address
 * ({@link CandidateImport#candidateId(UUID, String)}), the candidates of the person's addresses even after their
 * resumes went with resume.deleted.v1 (which leaves the lists, feedback and reveals that name a candidate). A
 * record is a row: a resume (with its identity), a vector, a list of jobs shown for the person, a line that
 * showed them, a feedback, a reveal, a pending strong-match check.
 */
@Service
class MatchingDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(MatchingDataSubjects.class);

    private final JdbcClient jdbc;
    private final CandidateStore candidates;
    private final MatchIndex index;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    MatchingDataSubjects(
            JdbcClient jdbc,
            CandidateStore candidates,
            MatchIndex index,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.index = index;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The person's candidates and resumes in matching's tables: ids only, the rows are read per kind. */
    private record Found(Set<UUID> candidateIds, Set<UUID> resumeIds) {}

    /**
     * What matching holds of the person: their candidate ids, each resume's identity and the facts it is ranked
     * on, the jobs they were ranked for (lines shown to recruiters, with rank and scores), the feedback on them
     * and the reveals of their identity.
     */
    @Override
    public SubjectAnswer access(UUID organizationId, DataSubject subject) {
        Found found = find(organizationId, subject);
        List<Object> ids = params(found.candidateIds());
        List<Object> resumes = params(found.resumeIds());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("candidateIds", List.of()); // filled in below, from the rows found
        data.put(
                "resumes",
                jdbc.sql("""
                        SELECT r.resume_id, r.candidate_id, r.revision, r.facts::text AS facts, r.search_text,
                               r.updated_at, i.name, i.emails::text AS emails, i.phones::text AS phones
                        FROM candidate_resume r LEFT JOIN candidate_identity i ON i.resume_id = r.resume_id
                        WHERE r.organization_id = :org AND r.resume_id IN (:resumes) ORDER BY r.updated_at, r.resume_id
                        """)
                        .param("org", organizationId)
                        .param("resumes", resumes)
                        .query(this::resume)
                        .list());
        data.put(
                "shown",
                jdbc.sql("""
                        SELECT s.run_id, s.rank, s.job_id, s.candidate_id, s.resume_id, s.score,
                               s.features::text AS features, r.direction, r.created_at
                        FROM match_shown s JOIN match_run r ON r.id = s.run_id
                        WHERE s.organization_id = :org AND (s.candidate_id IN (:ids) OR s.resume_id IN (:resumes))
                        ORDER BY r.created_at, s.run_id, s.rank
                        """)
                        .param("org", organizationId)
                        .param("ids", ids)
                        .param("resumes", resumes)
                        .query((rs, n) -> row(
                                "runId", rs.getObject("run_id", UUID.class),
                                "direction", rs.getString("direction"),
                                "shownAt", rs.getTimestamp("created_at").toInstant(),
                                "jobId", rs.getObject("job_id", UUID.class),
                                "candidateId", rs.getObject("candidate_id", UUID.class),
                                "resumeId", rs.getObject("resume_id", UUID.class),
                                "rank", rs.getInt("rank"),
                                "score", rs.getDouble("score"),
                                "features", jsonValue(rs.getString("features"))))
                        .list());
        data.put(
                "feedback",
                jdbc.sql("""
                        SELECT id, job_id, candidate_id, resume_id, outcome, reason, run_id, rank, score,
                               features::text AS features, created_at
                        FROM match_feedback
                        WHERE organization_id = :org AND (candidate_id IN (:ids) OR resume_id IN (:resumes))
                        ORDER BY created_at, id
                        """)
                        .param("org", organizationId)
                        .param("ids", ids)
                        .param("resumes", resumes)
                        .query((rs, n) -> row(
                                "id", rs.getObject("id", UUID.class),
                                "jobId", rs.getObject("job_id", UUID.class),
                                "candidateId", rs.getObject("candidate_id", UUID.class),
                                "resumeId", rs.getObject("resume_id", UUID.class),
                                "outcome", rs.getString("outcome"),
                                "reason", rs.getString("reason"),
                                "runId", rs.getObject("run_id", UUID.class),
                                "rank", rs.getObject("rank"),
                                "score", rs.getDouble("score"),
                                "features", jsonValue(rs.getString("features")),
                                "recordedAt", rs.getTimestamp("created_at").toInstant()))
                        .list());
        data.put(
                "reveals",
                jdbc.sql("""
                        SELECT job_id, candidate_id, revealed_at FROM candidate_reveal
                        WHERE organization_id = :org AND candidate_id IN (:ids) ORDER BY revealed_at, job_id
                        """)
                        .param("org", organizationId)
                        .param("ids", ids)
                        .query((rs, n) -> row(
                                "jobId", rs.getObject("job_id", UUID.class),
                                "candidateId", rs.getObject("candidate_id", UUID.class),
                                "revealedAt", rs.getTimestamp("revealed_at").toInstant()))
                        .list());
        // The ids under which matching holds something of them (an address of theirs that no resume had first
        // makes an id too, with nothing under it).
        Set<Object> held = new LinkedHashSet<>();
        for (String kind : List.of("resumes", "shown", "feedback", "reveals")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) data.get(kind);
            rows.forEach(row -> held.add(row.get("candidateId")));
        }
        data.put("candidateIds", List.copyOf(held));
        int records = count(organizationId, found);
        log.info("Data-subject access in organisation {}: {} records", organizationId, records);
        return new SubjectAnswer(records, records, data, List.of());
    }

    /**
     * Deletes the person's resumes as on resume.deleted.v1 (the resume, its identity and vectors, the id kept in
     * {@code deleted_resume} so that a late resume.parsed.v1 does not bring it back), the lists of jobs shown for
     * them and the lines that showed them in other lists, the feedback on them, their reveals and pending
     * strong-match checks. Once committed, the index drops their documents (as it follows any deletion) and then
     * rewrites the segments that held them. Nothing is announced: no other service keeps a copy of these rows (the
     * events about them carried ids and scores, and a feedback's reason, which the dashboard does not keep).
     */
    @Override
    public int erase(UUID organizationId, DataSubject subject) {
        Found found = find(organizationId, subject);
        List<Object> ids = params(found.candidateIds());
        List<Object> resumes = params(found.resumeIds());
        int erased = 0;
        for (UUID resumeId : found.resumeIds()) {
            erased += candidates.delete(organizationId, resumeId, clock.instant());
        }
        erased += update(
                "DELETE FROM strong_match_check WHERE organization_id = :org AND resume_id IN (:resumes)",
                organizationId,
                ids,
                resumes);
        // The lines that showed them, in lists for a job and in the lists of jobs for them; those lists go too.
        erased += update("""
                DELETE FROM match_shown
                WHERE organization_id = :org AND (candidate_id IN (:ids) OR resume_id IN (:resumes))
                """, organizationId, ids, resumes);
        erased += update("""
                DELETE FROM match_run
                WHERE organization_id = :org AND direction = 'CANDIDATE_TO_JOBS' AND subject_id IN (:ids)
                """, organizationId, ids, resumes);
        erased += update("""
                DELETE FROM match_feedback
                WHERE organization_id = :org AND (candidate_id IN (:ids) OR resume_id IN (:resumes))
                """, organizationId, ids, resumes);
        erased += update(
                "DELETE FROM candidate_reveal WHERE organization_id = :org AND candidate_id IN (:ids)",
                organizationId,
                ids,
                resumes);
        int events = purgePublishedEvents(organizationId, subject, found);
        afterCommit(organizationId, found.resumeIds());
        log.info(
                "Data-subject erasure in organisation {}: {} records erased, {} published events purged",
                organizationId,
                erased,
                events);
        return erased;
    }

    @Override
    public int count(UUID organizationId, DataSubject subject) {
        return count(organizationId, find(organizationId, subject));
    }

    private int count(UUID organizationId, Found found) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM candidate_resume
                                WHERE organization_id = :org AND resume_id IN (:resumes))
                             + (SELECT count(*) FROM embedding
                                WHERE organization_id = :org AND kind = 'RESUME' AND id IN (:resumes))
                             + (SELECT count(*) FROM strong_match_check
                                WHERE organization_id = :org AND resume_id IN (:resumes))
                             + (SELECT count(*) FROM match_run
                                WHERE organization_id = :org AND direction = 'CANDIDATE_TO_JOBS' AND subject_id IN (:ids))
                             + (SELECT count(*) FROM match_shown
                                WHERE organization_id = :org AND (candidate_id IN (:ids) OR resume_id IN (:resumes)))
                             + (SELECT count(*) FROM match_feedback
                                WHERE organization_id = :org AND (candidate_id IN (:ids) OR resume_id IN (:resumes)))
                             + (SELECT count(*) FROM candidate_reveal
                                WHERE organization_id = :org AND candidate_id IN (:ids))
                        """)
                .param("org", organizationId)
                .param("ids", params(found.candidateIds()))
                .param("resumes", params(found.resumeIds()))
                .query(Integer.class)
                .single();
    }

    /**
     * The person's resumes (by the first email or phone of their identity, confirmed by {@link DataSubject}) and
     * candidates (those resumes', and the ones their addresses make), then every resume of those candidates.
     * Whatever else a row holds, it is found by these ids.
     */
    private Found find(UUID organizationId, DataSubject subject) {
        Set<UUID> candidateIds = new LinkedHashSet<>();
        Set<UUID> resumeIds = new LinkedHashSet<>();
        for (Identified identified : identified(organizationId, subject)) {
            if (subject.hasEmail(identified.email()) || subject.hasPhone(identified.phone())) {
                resumeIds.add(identified.resumeId());
                candidateIds.add(identified.candidateId());
            }
        }
        subject.emails().forEach(email -> candidateIds.add(CandidateImport.candidateId(organizationId, email)));
        // Their resumes still here, and those the lines and feedback name (gone already, but perhaps with a
        // strong-match check left).
        resumeIds.addAll(jdbc.sql("""
                        SELECT resume_id FROM candidate_resume WHERE organization_id = :org AND candidate_id IN (:ids)
                        UNION SELECT resume_id FROM match_shown WHERE organization_id = :org AND candidate_id IN (:ids)
                        UNION SELECT resume_id FROM match_feedback WHERE organization_id = :org AND candidate_id IN (:ids)
                        """)
                .param("org", organizationId)
                .param("ids", params(candidateIds))
                .query(UUID.class)
                .list());
        return new Found(candidateIds, resumeIds);
    }

    private record Identified(UUID resumeId, UUID candidateId, String email, String phone) {}

    /** Resumes whose first email is one of the person's or whose first phone ends in the same digits. */
    private List<Identified> identified(UUID organizationId, DataSubject subject) {
        return jdbc.sql("""
                        SELECT i.resume_id, r.candidate_id, i.emails->>0 AS email, i.phones->>0 AS phone
                        FROM candidate_identity i JOIN candidate_resume r ON r.resume_id = i.resume_id
                        WHERE i.organization_id = :org AND r.organization_id = :org
                          AND (lower(btrim(i.emails->>0)) IN (:emails) OR %s)
                        """.formatted(SubjectSql.phone("i.phones->>0")))
                .param("org", organizationId)
                .param("emails", SubjectSql.emails(subject))
                .param("phoneTails", SubjectSql.phoneTails(subject))
                .query((rs, n) -> new Identified(
                        rs.getObject("resume_id", UUID.class),
                        rs.getObject("candidate_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("phone")))
                .list();
    }

    /**
     * Published events the outbox still keeps (a week, for inspection) that name the person's candidates or
     * resumes (feedback, reveals, strong matches, audit entries) or mention their address or number (a feedback's
     * reason). Unpublished ones stay for the relay.
     */
    private int purgePublishedEvents(UUID organizationId, DataSubject subject, Found found) {
        List<String> patterns = new ArrayList<>(SubjectSql.mentions(subject));
        Set<UUID> ids = new LinkedHashSet<>(found.candidateIds());
        ids.addAll(found.resumeIds());
        if (!ids.isEmpty()) {
            patterns.add(String.join("|", ids.stream().map(UUID::toString).toList()));
        }
        if (patterns.isEmpty()) {
            return 0;
        }
        var purge = jdbc.sql("DELETE FROM outbox_event WHERE organization_id = :org AND published_at IS NOT NULL AND "
                        + SubjectSql.mentioned(patterns.size(), "payload"))
                .param("org", organizationId);
        for (int i = 0; i < patterns.size(); i++) {
            purge = purge.param("m" + i, patterns.get(i));
        }
        return purge.update();
    }

    /**
     * The index follows the deletions once they are committed (before, its thread would still read the rows), as
     * it does for resume.deleted.v1; then the deleted documents leave its files.
     */
    private void afterCommit(UUID organizationId, Set<UUID> resumeIds) {
        if (resumeIds.isEmpty()) {
            return;
        }
        Runnable follow = () -> {
            resumeIds.forEach(
                    id -> events.publishEvent(new SourceChanged(organizationId, SourceChanged.Kind.RESUME, id)));
            index.expungeDeletedCandidates(organizationId);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    follow.run();
                }
            });
        } else {
            follow.run();
        }
    }

    private int update(String sql, UUID organizationId, List<Object> ids, List<Object> resumes) {
        var statement = jdbc.sql(sql).param("org", organizationId);
        if (sql.contains(":ids")) {
            statement = statement.param("ids", ids);
        }
        if (sql.contains(":resumes")) {
            statement = statement.param("resumes", resumes);
        }
        return statement.update();
    }

    /** Ids for an {@code IN (...)} list, never empty (an empty list is not valid SQL; no row has the nil id). */
    private static List<Object> params(Set<UUID> ids) {
        return ids.isEmpty() ? List.of(SubjectSql.NO_ID) : List.copyOf(ids);
    }

    private Map<String, Object> resume(ResultSet rs, int row) throws SQLException {
        return row(
                "resumeId", rs.getObject("resume_id", UUID.class),
                "candidateId", rs.getObject("candidate_id", UUID.class),
                "revision", rs.getInt("revision"),
                "name", rs.getString("name"),
                "emails", jsonValue(rs.getString("emails")),
                "phones", jsonValue(rs.getString("phones")),
                "facts", jsonValue(rs.getString("facts")),
                "searchText", rs.getString("search_text"),
                "updatedAt", rs.getTimestamp("updated_at").toInstant());
    }

    /** A record as JSON-able values: ids and times as strings, in the given order. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            row.put(
                    (String) keysAndValues[i],
                    value instanceof UUID || value instanceof java.time.Instant ? value.toString() : value);
        }
        return row;
    }

    private Object jsonValue(String text) {
        return text == null ? null : json.readValue(text, Object.class);
    }
}
