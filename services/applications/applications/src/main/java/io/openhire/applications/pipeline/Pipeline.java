package io.openhire.applications.pipeline;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.client.ApplicationPage;
import io.openhire.applications.client.ApplicationSource;
import io.openhire.applications.client.ApplicationView;
import io.openhire.applications.client.Board;
import io.openhire.applications.client.BulkMoveResult;
import io.openhire.applications.client.StageChangeView;
import io.openhire.applications.client.StageView;
import io.openhire.applications.events.ApplicationCreated;
import io.openhire.applications.events.ApplicationStageChanged;
import io.openhire.applications.events.ApplicationWithdrawn;
import io.openhire.applications.events.StageCategory;
import io.openhire.applications.jobs.Jobs;
import io.openhire.applications.stages.StageCatalog;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications (a candidate × a job) and their moves through the organisation's stages. Every move is a
 * {@code stage_change} row and an {@code application.stage-changed.v1} event in one transaction; undo is a move
 * back that names the move it takes back, so history keeps both.
 */
@Service
public class Pipeline {

    private static final int MAX_BULK = 500;
    private static final String VIEW = """
            SELECT a.*, c.name AS candidate_name, j.title AS job_title, s.name AS stage_name,
                   s.category AS stage_category,
                   (SELECT ch.reason FROM stage_change ch WHERE ch.application_id = a.id
                    ORDER BY ch.changed_at DESC, ch.id LIMIT 1) AS stage_reason
            FROM application a
            JOIN candidate c ON c.id = a.candidate_id
            JOIN stage s ON s.id = a.stage_id
            LEFT JOIN job j ON j.job_id = a.job_id
            """;

    private final JdbcClient jdbc;
    private final StageCatalog stages;
    private final Candidates candidates;
    private final Jobs jobs;
    private final Outbox outbox;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Clock clock;

    Pipeline(
            JdbcClient jdbc,
            StageCatalog stages,
            Candidates candidates,
            Jobs jobs,
            Outbox outbox,
            tools.jackson.databind.json.JsonMapper json,
            Clock clock) {
        this.json = json;
        this.jdbc = jdbc;
        this.stages = stages;
        this.candidates = candidates;
        this.jobs = jobs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Adds a candidate to a job, in the first stage.
     *
     * @param resumeId the resume it rests on; the candidate's newest when null
     * @throws DomainException 409 {@code application-exists} (with its id) when the candidate has one for the job
     */
    @Transactional
    public ApplicationView create(
            UUID org,
            UUID candidateId,
            UUID jobId,
            ApplicationSource source,
            String sourceDetail,
            UUID resumeId,
            String actor) {
        return create(org, candidateId, jobId, source, sourceDetail, resumeId, List.of(), actor);
    }

    /** @param answers the applicant's answers to the job's questions (career site) */
    @Transactional
    public ApplicationView create(
            UUID org,
            UUID candidateId,
            UUID jobId,
            ApplicationSource source,
            String sourceDetail,
            UUID resumeId,
            List<io.openhire.applications.client.Answer> answers,
            String actor) {
        Jobs.Job job = jobs.require(org, jobId);
        Candidates.Stored candidate = candidates.require(org, candidateId);
        if (resumeId != null
                && candidate.resumes().stream().noneMatch(r -> r.resumeId().equals(resumeId))) {
            throw DomainException.invalidField("resumeId", "is not one of the candidate's resumes");
        }
        UUID resume = resumeId != null
                ? resumeId
                : candidate.resumes().isEmpty()
                        ? null
                        : candidate.resumes().getFirst().resumeId();
        Optional<UUID> existing = jdbc.sql("""
                        SELECT id FROM application WHERE organization_id = :org AND candidate_id = :candidate
                          AND job_id = :job
                        """)
                .param("org", org)
                .param("candidate", candidate.id())
                .param("job", job.id())
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            throw DomainException.conflict("application-exists", "The candidate is in this job's pipeline already.")
                    .with("applicationId", existing.get());
        }
        StageView first = stages.first(org);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        INSERT INTO application (id, organization_id, candidate_id, job_id, resume_id, source,
                            source_detail, stage_id, stage_entered_at, created_by, created_at, answers)
                        VALUES (:id, :org, :candidate, :job, :resume, :source, :detail, :stage, :now, :actor, :now,
                            CAST(:answers AS jsonb))
                        ON CONFLICT (organization_id, candidate_id, job_id) DO NOTHING
                        """)
                .param("id", id)
                .param("org", org)
                .param("candidate", candidate.id())
                .param("job", job.id())
                .param("resume", resume)
                .param("source", source.name())
                .param("detail", sourceDetail)
                .param("stage", first.id())
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .param("answers", answers == null || answers.isEmpty() ? null : json.writeValueAsString(answers))
                .update();
        if (inserted == 0) {
            // Added by someone else a moment ago.
            throw DomainException.conflict("application-exists", "The candidate is in this job's pipeline already.");
        }
        jdbc.sql("""
                        INSERT INTO stage_change (id, organization_id, application_id, from_stage_id, to_stage_id, actor,
                            changed_at)
                        VALUES (:id, :org, :application, NULL, :stage, :actor, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("application", id)
                .param("stage", first.id())
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .update();
        outbox.publish(
                ApplicationCreated.TOPIC,
                id.toString(),
                new ApplicationCreated(
                        id,
                        org,
                        candidate.id(),
                        job.id(),
                        source.name(),
                        resume,
                        first.id(),
                        first.category(),
                        actor,
                        now),
                org);
        return view(org, id);
    }

    /** One application with its history, newest move first. */
    public ApplicationView view(UUID org, UUID applicationId) {
        ApplicationView bare = jdbc.sql(VIEW + " WHERE a.organization_id = :org AND a.id = :id")
                .param("org", org)
                .param("id", applicationId)
                .query(this::application)
                .optional()
                .orElseThrow(() -> DomainException.notFound("The application"));
        List<StageChangeView> history = jdbc.sql("""
                        SELECT ch.*, f.name AS from_name, t.name AS to_name FROM stage_change ch
                        LEFT JOIN stage f ON f.id = ch.from_stage_id
                        JOIN stage t ON t.id = ch.to_stage_id
                        WHERE ch.application_id = :id ORDER BY ch.changed_at DESC, ch.id
                        """)
                .param("id", applicationId)
                .query((rs, i) -> new StageChangeView(
                        rs.getObject("id", UUID.class),
                        rs.getString("from_name"),
                        rs.getString("to_name"),
                        rs.getString("reason"),
                        rs.getObject("undoes", UUID.class),
                        rs.getString("actor"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
        return withHistory(bare, history);
    }

    /** A job's applications, newest first. */
    public ApplicationPage ofJob(UUID org, UUID jobId, int page, int size) {
        jobs.require(org, jobId);
        return page("a.organization_id = :org AND a.job_id = :key", org, jobId, page, size);
    }

    /** A candidate's applications, newest first. */
    public List<ApplicationView> ofCandidate(UUID org, UUID candidateId) {
        return jdbc.sql(VIEW + " WHERE a.organization_id = :org AND a.candidate_id = :id ORDER BY a.created_at DESC")
                .param("org", org)
                .param("id", candidateId)
                .query(this::application)
                .list();
    }

    public ApplicationPage ofCandidate(UUID org, UUID candidateId, int page, int size) {
        return page("a.organization_id = :org AND a.candidate_id = :key", org, candidateId, page, size);
    }

    private ApplicationPage page(String where, UUID org, UUID key, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM application a WHERE " + where)
                .param("org", org)
                .param("key", key)
                .query(Long.class)
                .single();
        List<ApplicationView> items = jdbc.sql(
                        VIEW + " WHERE " + where + " ORDER BY a.created_at DESC, a.id LIMIT :limit OFFSET :offset")
                .param("org", org)
                .param("key", key)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::application)
                .list();
        return new ApplicationPage(items, total);
    }

    /** The job's board: every stage a column, cards oldest in the stage first (at most 200 cards a column). */
    // Not read-only: an organisation's first look at a board writes its default stages.
    @Transactional
    public Board board(UUID org, UUID jobId) {
        Jobs.Job job = jobs.require(org, jobId);
        Map<UUID, List<Board.Card>> cards = new LinkedHashMap<>();
        Map<UUID, Long> counts = new LinkedHashMap<>();
        List<StageView> columns = stages.current(org);
        jdbc.sql("""
                        SELECT stage_id, count(*) FROM application WHERE organization_id = :org AND job_id = :job
                        GROUP BY stage_id
                        """)
                .param("org", org)
                .param("job", jobId)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        jdbc.sql("""
                        SELECT * FROM (
                            SELECT a.id, a.candidate_id, a.stage_id, a.source, a.stage_entered_at, c.name,
                                   COALESCE(c.headline, c.current_title) AS headline,
                                   (SELECT ch.reason FROM stage_change ch WHERE ch.application_id = a.id
                                    ORDER BY ch.changed_at DESC, ch.id LIMIT 1) AS reason,
                                   row_number() OVER (PARTITION BY a.stage_id ORDER BY a.stage_entered_at, a.id) AS n
                            FROM application a JOIN candidate c ON c.id = a.candidate_id
                            WHERE a.organization_id = :org AND a.job_id = :job) ranked
                        WHERE n <= 200 ORDER BY stage_entered_at, id
                        """)
                .param("org", org)
                .param("job", jobId)
                .query((rs, i) -> Map.entry(
                        rs.getObject("stage_id", UUID.class),
                        new Board.Card(
                                rs.getObject("id", UUID.class),
                                rs.getObject("candidate_id", UUID.class),
                                rs.getString("name"),
                                rs.getString("headline"),
                                ApplicationSource.valueOf(rs.getString("source")),
                                rs.getTimestamp("stage_entered_at").toInstant(),
                                rs.getString("reason"))))
                .list()
                .forEach(e -> cards.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return new Board(
                job.id(),
                job.title(),
                columns.stream()
                        .map(s -> new Board.Column(
                                s, counts.getOrDefault(s.id(), 0L), cards.getOrDefault(s.id(), List.of())))
                        .toList());
    }

    /** Moves one application; moving it to the stage it is in changes nothing. */
    @Transactional
    public ApplicationView move(UUID org, UUID applicationId, UUID stageId, String reason, String actor) {
        if (stageId == null) {
            throw DomainException.invalidField("stageId", "is required");
        }
        // The application first: another organisation's is a 404 whatever else the request says.
        Current current = lock(org, applicationId);
        StageView to = stages.stage(org, stageId);
        String why = reason(org, to, reason);
        if (!current.stageId().equals(to.id())) {
            record(org, current, to, why, null, actor);
        }
        return view(org, applicationId);
    }

    /**
     * Moves many applications to one stage, all or none: an unknown application (or another organisation's)
     * refuses the whole move.
     */
    @Transactional
    public BulkMoveResult moveAll(UUID org, List<UUID> applicationIds, UUID stageId, String reason, String actor) {
        if (applicationIds == null || applicationIds.isEmpty() || applicationIds.size() > MAX_BULK) {
            throw DomainException.invalidField("applicationIds", "1–" + MAX_BULK + " applications");
        }
        if (stageId == null) {
            throw DomainException.invalidField("stageId", "is required");
        }
        if (applicationIds.contains(null)) {
            throw DomainException.invalidField("applicationIds", "has an empty entry");
        }
        List<Current> locked = new LinkedHashSet<>(applicationIds)
                .stream().map(id -> lock(org, id)).toList();
        StageView to = stages.stage(org, stageId);
        String why = reason(org, to, reason);
        List<UUID> moved = new ArrayList<>();
        List<UUID> unchanged = new ArrayList<>();
        for (Current current : locked) {
            UUID id = current.id();
            if (current.stageId().equals(to.id())) {
                unchanged.add(id);
            } else {
                record(org, current, to, why, null, actor);
                moved.add(id);
            }
        }
        return new BulkMoveResult(moved, unchanged);
    }

    /**
     * Takes back the application's latest move not taken back yet: it goes back to the stage it came from, and
     * the undo is a move of its own in the history.
     */
    @Transactional
    public ApplicationView undo(UUID org, UUID applicationId, String actor) {
        Current current = lock(org, applicationId);
        Optional<UndoableMove> last = jdbc.sql("""
                        SELECT ch.id, ch.from_stage_id, ch.to_stage_id FROM stage_change ch
                        WHERE ch.application_id = :id AND ch.undoes IS NULL AND ch.from_stage_id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM stage_change u WHERE u.undoes = ch.id)
                        ORDER BY ch.changed_at DESC, ch.id LIMIT 1
                        """)
                .param("id", applicationId)
                .query((rs, i) -> new UndoableMove(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional();
        if (last.isEmpty()) {
            throw DomainException.conflict("nothing-to-undo", "The application has no move left to take back.");
        }
        StageView back = stages.current(org).stream()
                .filter(s -> s.id().equals(last.get().from()))
                .findFirst()
                .orElseThrow(() -> DomainException.conflict(
                        "stage-removed", "The stage it came from was removed: move it by hand."));
        record(org, current, back, null, last.get().id(), actor);
        return view(org, applicationId);
    }

    /** The candidate (or a recruiter for them) withdrew the application: a move to Withdrawn, announced as such. */
    @Transactional
    public ApplicationView withdraw(UUID org, UUID applicationId, String actor) {
        Current current = lock(org, applicationId);
        StageView withdrawn = stages.end(org, StageCategory.WITHDRAWN);
        if (current.stageId().equals(withdrawn.id())) {
            return view(org, applicationId);
        }
        record(org, current, withdrawn, null, null, actor);
        outbox.publish(
                ApplicationWithdrawn.TOPIC,
                applicationId.toString(),
                new ApplicationWithdrawn(
                        applicationId, org, current.candidateId(), current.jobId(), actor, clock.instant()),
                org);
        return view(org, applicationId);
    }

    private String reason(UUID org, StageView to, String reason) {
        if (to.category() != StageCategory.REJECTED) {
            if (reason != null && !reason.isBlank()) {
                throw DomainException.invalidField("reason", "is given for a rejection only");
            }
            return null;
        }
        List<String> reasons = stages.reasons(org);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalidField("reason", "a rejection needs one of: " + String.join("; ", reasons))
                    .with("reasons", reasons);
        }
        return reasons.stream()
                .filter(r -> r.equalsIgnoreCase(reason.strip()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalidField(
                                "reason", "is not one of the organisation's rejection reasons")
                        .with("reasons", reasons));
    }

    private void record(UUID org, Current current, StageView to, String reason, UUID undoes, String actor) {
        UUID changeId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("UPDATE application SET stage_id = :stage, stage_entered_at = :now WHERE id = :id")
                .param("stage", to.id())
                .param("now", Timestamp.from(now))
                .param("id", current.id())
                .update();
        jdbc.sql("""
                        INSERT INTO stage_change (id, organization_id, application_id, from_stage_id, to_stage_id, reason,
                            undoes, actor, changed_at)
                        VALUES (:id, :org, :application, :from, :to, :reason, :undoes, :actor, :now)
                        """)
                .param("id", changeId)
                .param("org", org)
                .param("application", current.id())
                .param("from", current.stageId())
                .param("to", to.id())
                .param("reason", reason)
                .param("undoes", undoes)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .update();
        outbox.publish(
                ApplicationStageChanged.TOPIC,
                current.id().toString(),
                new ApplicationStageChanged(
                        changeId,
                        current.id(),
                        org,
                        current.candidateId(),
                        current.jobId(),
                        current.resumeId(),
                        current.stageId(),
                        current.category(),
                        to.id(),
                        to.category(),
                        reason,
                        undoes != null,
                        actor,
                        now),
                org);
    }

    private record Current(
            UUID id, UUID candidateId, UUID jobId, UUID resumeId, UUID stageId, StageCategory category) {}

    private record UndoableMove(UUID id, UUID from, UUID to) {}

    /** The application's row, locked until the transaction ends (two moves at once are one after the other). */
    private Current lock(UUID org, UUID applicationId) {
        return jdbc.sql("""
                        SELECT a.id, a.candidate_id, a.job_id, a.resume_id, a.stage_id, s.category
                        FROM application a JOIN stage s ON s.id = a.stage_id
                        WHERE a.organization_id = :org AND a.id = :id FOR UPDATE OF a
                        """)
                .param("org", org)
                .param("id", applicationId)
                .query((rs, i) -> new Current(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        StageCategory.valueOf(rs.getString(6))))
                .optional()
                .orElseThrow(() -> DomainException.notFound("The application"));
    }

    private static final tools.jackson.core.type.TypeReference<List<io.openhire.applications.client.Answer>> ANSWERS =
            new tools.jackson.core.type.TypeReference<>() {};

    private ApplicationView application(ResultSet rs, int row) throws SQLException {
        String answers = rs.getString("answers");
        return new ApplicationView(
                rs.getObject("id", UUID.class),
                rs.getObject("candidate_id", UUID.class),
                rs.getString("candidate_name"),
                rs.getObject("job_id", UUID.class),
                rs.getString("job_title"),
                rs.getObject("resume_id", UUID.class),
                ApplicationSource.valueOf(rs.getString("source")),
                rs.getString("source_detail"),
                rs.getObject("stage_id", UUID.class),
                rs.getString("stage_name"),
                StageCategory.valueOf(rs.getString("stage_category")),
                rs.getTimestamp("stage_entered_at").toInstant(),
                rs.getString("stage_reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                answers == null ? List.of() : json.readValue(answers, ANSWERS),
                List.of());
    }

    private static ApplicationView withHistory(ApplicationView a, List<StageChangeView> history) {
        return new ApplicationView(
                a.id(),
                a.candidateId(),
                a.candidateName(),
                a.jobId(),
                a.jobTitle(),
                a.resumeId(),
                a.source(),
                a.sourceDetail(),
                a.stageId(),
                a.stageName(),
                a.stageCategory(),
                a.stageEnteredAt(),
                a.stageReason(),
                a.createdBy(),
                a.createdAt(),
                a.answers(),
                history);
    }
}
