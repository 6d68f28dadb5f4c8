package io.openhire.applications.pipeline;

import io.openhire.applications.client.JobCriteria;
import io.openhire.applications.client.Scorecard;
import io.openhire.applications.client.Scorecards;
import io.openhire.applications.events.StageCategory;
import io.openhire.applications.jobs.Jobs;
import io.openhire.platform.errors.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scorecards: each interviewer rates an application in a screening, interview or offer stage on the job's
 * criteria (1 strong no – 4 strong yes), gives an overall rating and a comment; one card per person and stage
 * (sent again, it replaces theirs). Averages are per criterion over all cards of the application.
 */
@Service
public class ScorecardBook {

    static final List<String> DEFAULT_CRITERIA = List.of("Skills", "Experience", "Communication", "Motivation");
    private static final Set<StageCategory> RATED =
            EnumSet.of(StageCategory.SCREENING, StageCategory.INTERVIEW, StageCategory.OFFER);
    private static final TypeReference<LinkedHashMap<String, Integer>> RATINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Clock clock;

    ScorecardBook(JdbcClient jdbc, Jobs jobs, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    public JobCriteria criteria(UUID org, UUID jobId) {
        jobs.require(org, jobId);
        List<String> own = jdbc.sql("SELECT criterion FROM job_criterion WHERE job_id = :job ORDER BY position")
                .param("job", jobId)
                .query(String.class)
                .list();
        return own.isEmpty() ? new JobCriteria(jobId, DEFAULT_CRITERIA, false) : new JobCriteria(jobId, own, true);
    }

    @Transactional
    public JobCriteria saveCriteria(UUID org, UUID jobId, List<String> criteria) {
        jobs.require(org, jobId);
        if (criteria == null || criteria.isEmpty() || criteria.size() > 10) {
            throw DomainException.invalidField("criteria", "1–10 criteria");
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            String c = criteria.get(i) == null ? "" : criteria.get(i).strip();
            if (c.isEmpty() || c.length() > 60 || c.chars().anyMatch(Character::isISOControl)) {
                throw DomainException.invalidField("criteria[" + i + "]", "1–60 characters on one line");
            }
            if (!seen.add(c.toLowerCase(Locale.ROOT))) {
                throw DomainException.invalidField("criteria[" + i + "]", "is named twice");
            }
            valid.add(c);
        }
        jdbc.sql("DELETE FROM job_criterion WHERE job_id = :job")
                .param("job", jobId)
                .update();
        for (int i = 0; i < valid.size(); i++) {
            jdbc.sql("""
                            INSERT INTO job_criterion (organization_id, job_id, position, criterion)
                            VALUES (:org, :job, :position, :criterion)
                            """)
                    .param("org", org)
                    .param("job", jobId)
                    .param("position", i)
                    .param("criterion", valid.get(i))
                    .update();
        }
        return criteria(org, jobId);
    }

    public Scorecards of(UUID org, UUID applicationId) {
        Application application = application(org, applicationId);
        List<String> criteria = criteria(org, application.jobId()).criteria();
        List<Scorecard> cards = jdbc.sql("""
                        SELECT sc.*, s.name AS stage_name FROM scorecard sc JOIN stage s ON s.id = sc.stage_id
                        WHERE sc.application_id = :id ORDER BY sc.updated_at DESC, sc.id
                        """)
                .param("id", applicationId)
                .query((rs, i) -> new Scorecard(
                        rs.getObject("id", UUID.class),
                        rs.getObject("stage_id", UUID.class),
                        rs.getString("stage_name"),
                        rs.getString("author"),
                        rs.getString("author_name"),
                        json.readValue(rs.getString("ratings"), RATINGS),
                        rs.getInt("overall"),
                        rs.getString("comment"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        Map<String, Double> averages = new LinkedHashMap<>();
        for (String criterion : criteria) {
            cards.stream()
                    .map(c -> c.ratings().get(criterion))
                    .filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .average()
                    .ifPresent(average -> averages.put(criterion, Math.round(average * 10) / 10.0));
        }
        Double overall = cards.isEmpty()
                ? null
                : Math.round(cards.stream()
                                        .mapToInt(Scorecard::overall)
                                        .average()
                                        .orElse(0)
                                * 10)
                        / 10.0;
        return new Scorecards(criteria, cards, averages, overall);
    }

    /** The caller's card for the application's current stage, written or replaced. */
    @Transactional
    public Scorecard score(
            UUID org,
            UUID applicationId,
            Map<String, Integer> ratings,
            Integer overall,
            String comment,
            String actor,
            String authorName) {
        Application application = application(org, applicationId);
        if (!RATED.contains(application.category())) {
            throw DomainException.conflict(
                    "not-a-rated-stage", "Scorecards are written in screening, interview and offer stages.");
        }
        List<String> criteria = criteria(org, application.jobId()).criteria();
        Map<String, Integer> given = ratings == null ? Map.of() : ratings;
        Map<String, Integer> valid = new LinkedHashMap<>();
        for (String criterion : criteria) {
            Integer rating = given.get(criterion);
            if (rating == null || rating < 1 || rating > 4) {
                throw DomainException.invalidField(
                        "ratings." + criterion, "a rating from 1 (strong no) to 4 (strong yes)");
            }
            valid.put(criterion, rating);
        }
        for (String key : given.keySet()) {
            if (!valid.containsKey(key)) {
                throw DomainException.invalidField("ratings", "'" + key + "' is not one of this job's criteria");
            }
        }
        if (overall == null || overall < 1 || overall > 4) {
            throw DomainException.invalidField("overall", "a rating from 1 (strong no) to 4 (strong yes)");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2_000) {
            throw DomainException.invalidField("comment", "at most 2,000 characters");
        }
        UUID id = jdbc.sql("""
                        INSERT INTO scorecard (id, organization_id, application_id, stage_id, author, author_name, ratings,
                            overall, comment, updated_at)
                        VALUES (:id, :org, :application, :stage, :author, :authorName, CAST(:ratings AS jsonb), :overall,
                            :comment, :now)
                        ON CONFLICT (application_id, stage_id, author) DO UPDATE SET ratings = excluded.ratings,
                            overall = excluded.overall, comment = excluded.comment, author_name = excluded.author_name,
                            updated_at = excluded.updated_at
                        RETURNING id
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("application", applicationId)
                .param("stage", application.stageId())
                .param("author", actor)
                .param("authorName", authorName)
                .param("ratings", json.writeValueAsString(valid))
                .param("overall", overall)
                .param("comment", text)
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .single();
        return of(org, applicationId).scorecards().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private record Application(UUID jobId, UUID stageId, StageCategory category) {}

    private Application application(UUID org, UUID applicationId) {
        return jdbc.sql("""
                        SELECT a.job_id, a.stage_id, s.category FROM application a JOIN stage s ON s.id = a.stage_id
                        WHERE a.organization_id = :org AND a.id = :id
                        """)
                .param("org", org)
                .param("id", applicationId)
                .query((rs, i) -> new Application(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        StageCategory.valueOf(rs.getString(3))))
                .optional()
                .orElseThrow(() -> DomainException.notFound("The application"));
    }
}
