package io.openhire.matching.matches;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.matching.MatchingProperties;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.platform.test.TestPostgres;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Old match lists and their lines are deleted, recent ones and feedback stay: on matching's real tables
 * (PostgreSQL with its migrations), with a fixed clock.
 */
class MatchRunPrunerIT {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration RETENTION = Duration.ofDays(90);

    static JdbcClient jdbc;
    static MatchRuns runs;
    static MatchRunPruner pruner;

    @BeforeAll
    static void database() {
        String url = TestPostgres.newDatabase("matching_pruner");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration/matching")
                .load()
                .migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        runs = new MatchRuns(jdbc, JsonMapper.builder().build());
        pruner = new MatchRunPruner(
                jdbc, new MatchingProperties(null, null, 0, 0, RETENTION, null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void runsOlderThanTheRetentionGoWithTheirLinesRecentOnesAndFeedbackStay() {
        UUID org = UUID.randomUUID();
        UUID otherOrg = UUID.randomUUID();
        UUID old = shown(org, NOW.minus(RETENTION).minus(Duration.ofDays(1)), 3);
        UUID otherOrgsOld = shown(otherOrg, NOW.minus(Duration.ofDays(400)), 2);
        UUID recent = shown(org, NOW.minus(RETENTION).plus(Duration.ofHours(1)), 2);
        UUID feedback = feedbackOn(old);

        pruner.prune();

        assertThat(runExists(old)).isFalse();
        assertThat(lines(old)).isZero();
        assertThat(runExists(otherOrgsOld)).isFalse();
        assertThat(lines(otherOrgsOld)).isZero();
        assertThat(runExists(recent)).isTrue();
        assertThat(lines(recent)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT run_id FROM match_feedback WHERE id = :id")
                        .param("id", feedback)
                        .query(UUID.class)
                        .single())
                .isEqualTo(old);
    }

    @Test
    void manyOldRunsAreDeletedBatchByBatch() {
        UUID org = UUID.randomUUID();
        Instant longAgo = NOW.minus(RETENTION).minus(Duration.ofDays(30));
        int many = MatchRunPruner.BATCH * 2 + 1;
        jdbc.sql("""
                        INSERT INTO match_run (id, organization_id, direction, subject_id, mode, ranker_version,
                            embedding_version, weights, blind, requested_by, created_at)
                        SELECT gen_random_uuid(), :org, 'JOB_TO_CANDIDATES', gen_random_uuid(), 'HYBRID', 1, 1, '{}',
                            false, 'user:test', CAST(:at AS timestamptz) - n * interval '1 second'
                        FROM generate_series(1, :many) AS n
                        """)
                .param("org", org)
                .param("at", Timestamp.from(longAgo))
                .param("many", many)
                .update();
        UUID recent = shown(org, NOW.minus(Duration.ofDays(1)), 1);

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(many);

        assertThat(jdbc.sql("SELECT id FROM match_run WHERE organization_id = :org")
                        .param("org", org)
                        .query(UUID.class)
                        .list())
                .containsExactly(recent);
    }

    /** A list as MatchService stores it: the run and a line per candidate. */
    private static UUID shown(UUID org, Instant at, int lineCount) {
        UUID runId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        List<MatchRuns.Shown> lines = new ArrayList<>();
        for (int rank = 1; rank <= lineCount; rank++) {
            lines.add(new MatchRuns.Shown(
                    rank,
                    jobId,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    90.0 - rank,
                    Map.of(ScoreCategory.REQUIRED_SKILLS, 1.0, ScoreCategory.TITLE, 0.5)));
        }
        runs.record(
                new MatchRuns.Run(
                        runId,
                        org,
                        MatchService.JOB_TO_CANDIDATES,
                        jobId,
                        "HYBRID",
                        1,
                        1,
                        Map.of(ScoreCategory.REQUIRED_SKILLS, 0.3),
                        false,
                        "user:test",
                        at),
                lines);
        return runId;
    }

    private static UUID feedbackOn(UUID runId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO match_feedback (id, organization_id, job_id, candidate_id, resume_id, outcome,
                            run_id, rank, score, features, actor, created_at)
                        SELECT :id, organization_id, job_id, candidate_id, resume_id, 'SHORTLISTED', run_id, rank,
                            score, features, 'user:test', :at
                        FROM match_shown WHERE run_id = :run AND rank = 1
                        """)
                .param("id", id)
                .param("run", runId)
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(100))))
                .update();
        return id;
    }

    private static boolean runExists(UUID runId) {
        return jdbc.sql("SELECT count(*) FROM match_run WHERE id = :id")
                        .param("id", runId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static int lines(UUID runId) {
        return jdbc.sql("SELECT count(*) FROM match_shown WHERE run_id = :id")
                .param("id", runId)
                .query(Integer.class)
                .single();
    }
}
