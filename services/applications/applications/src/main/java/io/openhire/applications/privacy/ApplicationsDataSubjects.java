package io.openhire.applications.privacy;

import io.openhire.applications.candidates.Candidates;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * applications' part of a data-subject request: the person's candidate records in the organisation and
 * everything hanging off them (resumes as filed here, corrections, tags, notes, consents, applications with
 * their moves, scorecards, client shares and feedback, confirmations, the portal account's link and sign-in
 * requests).
 *
 * <p>The person is found by email and phone wherever this service keeps one: what a record shows, what each of
 * its resumes parsed, every correction of the two fields (the old values too), the addresses confirmations and
 * sign-in links were sent to, and the record id itself, which is derived from the email address (the id matching
 * gives the person: a record whose resumes were all deleted shows no address any more but keeps that id). A
 * record found leads to the one it was merged into and to the others merged into that: a merge is a recruiter
 * saying they are one person.
 *
 * <p>Nothing is announced on erasure: the service has no deletion event (candidates and applications were never
 * deleted before), its events carry ids only, and the services that consume them (matching, notification,
 * dashboard) answer the same request for what they hold themselves. The resume files are resume-ingestion's and
 * are erased and exported there.
 */
@Service
public class ApplicationsDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(ApplicationsDataSubjects.class);

    /** The person's applications, as a sub-select (parameters {@code :org} and {@code :ids}). */
    private static final String APPLICATIONS =
            "(SELECT id FROM application WHERE organization_id = :org AND candidate_id = ANY(:ids))";

    /** Rows hanging off an application; deleted before the applications (their foreign keys). */
    private static final List<String> APPLICATION_TABLES =
            List.of("stage_change", "scorecard", "shortlist_share", "client_feedback", "applicant_confirmation");

    /** Rows hanging off a candidate record (candidate_resume aside: see {@link #erase}). */
    private static final List<String> CANDIDATE_TABLES = List.of(
            "consent",
            "candidate_correction",
            "candidate_tag",
            "portal_account",
            "sign_in_request",
            "portal_privacy_request");

    /** Columns read as JSON (jsonb) in the access answer. */
    private static final Set<String> JSON_COLUMNS = Set.of("parsed", "answers", "ratings");

    private final JdbcClient jdbc;
    private final Candidates candidates;
    private final JsonMapper json;

    ApplicationsDataSubjects(JdbcClient jdbc, Candidates candidates, JsonMapper json) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.json = json;
    }

    /**
     * The person's records by kind. Colleagues stay out of it (who wrote a note, rated or shared, their user
     * ids): they are the colleagues' data, and a correction says only whether the person or the organisation
     * made it. No files: the resume originals are resume-ingestion's, which sends them.
     */
    @Override
    public SubjectAnswer access(UUID organizationId, DataSubject subject) {
        List<UUID> ids = candidateIds(organizationId, subject);
        if (ids.isEmpty()) {
            return new SubjectAnswer(0, 0, Map.of(), List.of());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("candidates", rows(organizationId, ids, """
                SELECT id, name, email, phone, location, headline, current_title AS "currentTitle", skills, titles,
                       merged_into AS "mergedInto", created_at AS "createdAt", updated_at AS "updatedAt"
                FROM candidate WHERE organization_id = :org AND id = ANY(:ids) ORDER BY created_at, id
                """));
        data.put("resumes", rows(organizationId, ids, """
                SELECT resume_id AS "resumeId", candidate_id AS "candidateId", revision, parsed, skills, titles,
                       parsed_at AS "parsedAt"
                FROM candidate_resume WHERE organization_id = :org AND candidate_id = ANY(:ids)
                ORDER BY parsed_at, resume_id
                """));
        data.put("corrections", rows(organizationId, ids, """
                SELECT candidate_id AS "candidateId", field, parsed_value AS "parsedValue",
                       corrected_value AS "correctedValue",
                       CASE WHEN actor = 'candidate' THEN 'the candidate' ELSE 'the organisation' END AS "correctedBy",
                       corrected_at AS "correctedAt"
                FROM candidate_correction WHERE organization_id = :org AND candidate_id = ANY(:ids)
                ORDER BY corrected_at, id
                """));
        data.put("tags", rows(organizationId, ids, """
                SELECT candidate_id AS "candidateId", tag FROM candidate_tag
                WHERE organization_id = :org AND candidate_id = ANY(:ids) ORDER BY lower(tag)
                """));
        data.put("applications", rows(organizationId, ids, """
                SELECT a.id, a.candidate_id AS "candidateId", a.job_id AS "jobId", j.title AS "jobTitle",
                       j.employer, a.source, a.source_detail AS "sourceDetail", a.resume_id AS "resumeId",
                       s.name AS stage, s.category AS "stageCategory", a.stage_entered_at AS "stageEnteredAt",
                       a.created_at AS "createdAt", a.answers
                FROM application a JOIN stage s ON s.id = a.stage_id LEFT JOIN job j ON j.job_id = a.job_id
                WHERE a.organization_id = :org AND a.candidate_id = ANY(:ids) ORDER BY a.created_at, a.id
                """));
        data.put("stageHistory", rows(organizationId, ids, """
                SELECT ch.application_id AS "applicationId", f.name AS "from", t.name AS "to", ch.reason,
                       ch.undoes IS NOT NULL AS undo, ch.changed_at AS "changedAt"
                FROM stage_change ch LEFT JOIN stage f ON f.id = ch.from_stage_id JOIN stage t ON t.id = ch.to_stage_id
                WHERE ch.organization_id = :org AND ch.application_id IN %s ORDER BY ch.changed_at, ch.id
                """.formatted(APPLICATIONS)));
        data.put("scorecards", rows(organizationId, ids, """
                SELECT sc.application_id AS "applicationId", s.name AS stage, sc.ratings, sc.overall, sc.comment,
                       sc.updated_at AS "updatedAt"
                FROM scorecard sc JOIN stage s ON s.id = sc.stage_id
                WHERE sc.organization_id = :org AND sc.application_id IN %s ORDER BY sc.updated_at, sc.id
                """.formatted(APPLICATIONS)));
        data.put("clientShares", rows(organizationId, ids, """
                SELECT sh.application_id AS "applicationId", cc.name AS client, sh.revealed, sh.shared_at AS "sharedAt"
                FROM shortlist_share sh JOIN client_company cc ON cc.id = sh.client_company_id
                WHERE sh.organization_id = :org AND sh.application_id IN %s ORDER BY sh.shared_at
                """.formatted(APPLICATIONS)));
        data.put("clientFeedback", rows(organizationId, ids, """
                SELECT application_id AS "applicationId", verdict, comment,
                       interview_requested AS "interviewRequested", created_at AS "createdAt"
                FROM client_feedback WHERE organization_id = :org AND application_id IN %s ORDER BY created_at, id
                """.formatted(APPLICATIONS)));
        data.put("confirmations", rows(organizationId, ids, """
                SELECT application_id AS "applicationId", to_address AS "toAddress", job_title AS "jobTitle",
                       applicant_name AS "applicantName", sent_at AS "sentAt"
                FROM applicant_confirmation WHERE organization_id = :org AND application_id IN %s
                ORDER BY application_id
                """.formatted(APPLICATIONS)));
        data.put("notes", rows(organizationId, ids, """
                SELECT candidate_id AS "candidateId", application_id AS "applicationId", body AS text,
                       created_at AS "createdAt"
                FROM note WHERE organization_id = :org AND (candidate_id = ANY(:ids) OR application_id IN %s)
                ORDER BY created_at, id
                """.formatted(APPLICATIONS)));
        data.put("consents", rows(organizationId, ids, """
                SELECT candidate_id AS "candidateId", purpose, legal_basis AS "legalBasis",
                       notice_version AS "noticeVersion", notice_sha256 AS "noticeSha256", source,
                       given_at AS "givenAt", withdrawn_at AS "withdrawnAt"
                FROM consent WHERE organization_id = :org AND candidate_id = ANY(:ids) ORDER BY given_at, id
                """));
        data.put("portalAccounts", rows(organizationId, ids, """
                SELECT user_id AS "userId", candidate_id AS "candidateId", created_at AS "createdAt"
                FROM portal_account WHERE organization_id = :org AND candidate_id = ANY(:ids) ORDER BY created_at
                """));
        data.put("signInRequests", rows(organizationId, ids, """
                SELECT to_address AS "toAddress", requested_at AS "requestedAt", sent_at AS "sentAt"
                FROM sign_in_request WHERE organization_id = :org AND candidate_id = ANY(:ids) ORDER BY requested_at
                """));
        data.put("portalPrivacyRequests", rows(organizationId, ids, """
                SELECT request_id AS "requestId", type, filed_at AS "filedAt", status, due_at AS "dueAt",
                       completed_at AS "completedAt", resolution
                FROM portal_privacy_request WHERE organization_id = :org AND candidate_id = ANY(:ids) ORDER BY filed_at
                """));
        int records = count(organizationId, ids);
        log.info(
                "Data-subject access in organisation {}: {} candidate records, {} rows",
                organizationId,
                ids.size(),
                records);
        return new SubjectAnswer(records, records, data, List.of());
    }

    /**
     * Deletes the person's records and everything hanging off them, children first. Their resumes are forgotten
     * the way {@code resume.deleted.v1} forgets one ({@link Candidates#forgetResume}): the id stays in
     * {@code deleted_resume} (ids only), so that a late {@code resume.parsed.v1} does not file the person again.
     */
    @Override
    @Transactional
    public int erase(UUID organizationId, DataSubject subject) {
        List<UUID> ids = candidateIds(organizationId, subject);
        if (ids.isEmpty()) {
            return 0;
        }
        int erased = delete(organizationId, ids, """
                DELETE FROM note WHERE organization_id = :org AND (candidate_id = ANY(:ids) OR application_id IN %s)
                """.formatted(APPLICATIONS));
        for (String table : APPLICATION_TABLES) {
            erased += delete(
                    organizationId,
                    ids,
                    "DELETE FROM " + table + " WHERE organization_id = :org AND application_id IN " + APPLICATIONS);
        }
        erased += delete(
                organizationId,
                ids,
                "DELETE FROM application WHERE organization_id = :org AND candidate_id = ANY(:ids)");
        for (String table : CANDIDATE_TABLES) {
            erased += delete(
                    organizationId,
                    ids,
                    "DELETE FROM " + table + " WHERE organization_id = :org AND candidate_id = ANY(:ids)");
        }
        List<UUID> resumes = jdbc.sql("""
                        SELECT resume_id FROM candidate_resume WHERE organization_id = :org AND candidate_id = ANY(:ids)
                        """)
                .param("org", organizationId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
        for (UUID resume : resumes) {
            candidates.forgetResume(organizationId, resume);
        }
        erased += resumes.size();
        erased += delete(organizationId, ids, "DELETE FROM candidate WHERE organization_id = :org AND id = ANY(:ids)");
        log.info(
                "Data-subject erasure in organisation {}: {} candidate records, {} rows deleted",
                organizationId,
                ids.size(),
                erased);
        return erased;
    }

    @Override
    public int count(UUID organizationId, DataSubject subject) {
        List<UUID> ids = candidateIds(organizationId, subject);
        return ids.isEmpty() ? 0 : count(organizationId, ids);
    }

    /** The rows {@link #erase} deletes for these records. */
    private int count(UUID organizationId, List<UUID> ids) {
        StringBuilder sql = new StringBuilder("SELECT 0");
        sql.append(" + (SELECT count(*) FROM candidate WHERE organization_id = :org AND id = ANY(:ids))");
        sql.append(
                " + (SELECT count(*) FROM candidate_resume WHERE organization_id = :org AND candidate_id = ANY(:ids))");
        sql.append(" + (SELECT count(*) FROM application WHERE organization_id = :org AND candidate_id = ANY(:ids))");
        sql.append(" + (SELECT count(*) FROM note WHERE organization_id = :org AND (candidate_id = ANY(:ids)")
                .append(" OR application_id IN ")
                .append(APPLICATIONS)
                .append("))");
        for (String table : APPLICATION_TABLES) {
            sql.append(" + (SELECT count(*) FROM ")
                    .append(table)
                    .append(" WHERE organization_id = :org AND application_id IN ")
                    .append(APPLICATIONS)
                    .append(")");
        }
        for (String table : CANDIDATE_TABLES) {
            sql.append(" + (SELECT count(*) FROM ")
                    .append(table)
                    .append(" WHERE organization_id = :org AND candidate_id = ANY(:ids))");
        }
        return jdbc.sql(sql.toString())
                .param("org", organizationId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    /**
     * The person's candidate records in the organisation (see the class comment). Phone numbers compare as
     * {@link DataSubject#hasPhone} does: their last nine digits (all of them when fewer), at least six.
     */
    List<UUID> candidateIds(UUID organizationId, DataSubject subject) {
        return recordsFound(organizationId, subject.emails(), subject.phones());
    }

    /**
     * The candidate records a data-subject request naming these addresses and numbers would reach (see
     * {@link #candidateIds}): the candidate portal asks before it sends a phone number, which nobody has verified.
     */
    public List<UUID> recordsFound(UUID organizationId, List<String> emailAddresses, List<String> phoneNumbers) {
        String[] emails = emailAddresses.stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .toArray(String[]::new);
        String[] phones = phoneNumbers.stream()
                .map(ApplicationsDataSubjects::phoneKey)
                .filter(p -> p.length() >= 6)
                .toArray(String[]::new);
        if (emails.length == 0 && phones.length == 0) {
            return List.of();
        }
        UUID[] derived = Arrays.stream(emails)
                .map(e -> Candidates.candidateId(organizationId, null, List.of(e)))
                .toArray(UUID[]::new);
        return jdbc.sql("""
                        WITH matched AS (
                            SELECT id FROM candidate
                            WHERE organization_id = :org
                              AND (id = ANY(:derived) OR lower(btrim(email)) = ANY(:emails)
                                   OR right(regexp_replace(phone, '\\D', '', 'g'), 9) = ANY(:phones))
                            UNION
                            SELECT candidate_id FROM candidate_resume
                            WHERE organization_id = :org
                              AND (lower(btrim(parsed ->> 'email')) = ANY(:emails)
                                   OR right(regexp_replace(parsed ->> 'phone', '\\D', '', 'g'), 9) = ANY(:phones))
                            UNION
                            SELECT candidate_id FROM candidate_correction
                            WHERE organization_id = :org
                              AND ((field = 'email' AND (lower(btrim(parsed_value)) = ANY(:emails)
                                                         OR lower(btrim(corrected_value)) = ANY(:emails)))
                                OR (field = 'phone'
                                    AND (right(regexp_replace(parsed_value, '\\D', '', 'g'), 9) = ANY(:phones)
                                         OR right(regexp_replace(corrected_value, '\\D', '', 'g'), 9) = ANY(:phones))))
                            UNION
                            SELECT a.candidate_id FROM applicant_confirmation ac JOIN application a ON a.id = ac.application_id
                            WHERE ac.organization_id = :org AND lower(btrim(ac.to_address)) = ANY(:emails)
                            UNION
                            SELECT candidate_id FROM sign_in_request
                            WHERE organization_id = :org AND lower(btrim(to_address)) = ANY(:emails)
                        ),
                        -- merges keep merged_into pointing at the record kept (never at another merged one)
                        people AS (
                            SELECT coalesce(c.merged_into, c.id) AS id FROM candidate c JOIN matched m ON m.id = c.id
                            WHERE c.organization_id = :org
                        )
                        SELECT id FROM candidate
                        WHERE organization_id = :org
                          AND (id IN (SELECT id FROM people) OR merged_into IN (SELECT id FROM people))
                        ORDER BY created_at, id
                        """)
                .param("org", organizationId)
                .param("derived", derived)
                .param("emails", emails)
                .param("phones", phones)
                .query(UUID.class)
                .list();
    }

    private static String phoneKey(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
    }

    private int delete(UUID organizationId, List<UUID> ids, String sql) {
        return jdbc.sql(sql)
                .param("org", organizationId)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /** Rows as JSON-able maps: times as ISO-8601 text, arrays as lists, jsonb columns as JSON. */
    private List<Map<String, Object>> rows(UUID organizationId, List<UUID> ids, String sql) {
        return jdbc.sql(sql)
                .param("org", organizationId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(this::row)
                .list();
    }

    private Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i);
            Object value = rs.getObject(i);
            if (value instanceof Timestamp time) {
                value = time.toInstant().toString();
            } else if (value instanceof Array array) {
                value = new ArrayList<>(Arrays.asList((Object[]) array.getArray()));
            } else if (value != null && JSON_COLUMNS.contains(column)) {
                value = json.readTree(value.toString());
            }
            row.put(column, value);
        }
        return row;
    }
}
