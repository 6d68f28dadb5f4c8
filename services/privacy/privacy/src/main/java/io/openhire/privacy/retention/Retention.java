package io.openhire.privacy.retention;

import io.openhire.applications.client.InactiveCandidate;
import io.openhire.applications.client.RetentionApi;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.privacy.client.RetentionRule;
import io.openhire.privacy.client.RetentionRun;
import io.openhire.privacy.requests.DataSubjectRequests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

/**
 * An organisation's retention rule and its runs. A run asks applications for the candidates with no activity
 * since the cutoff (those who consented to the talent pool are not among them) and files an erasure request for
 * each — the same request a person files, answered by every service, with its proof — unless one is still open.
 * Each run is written down with what it reached and did.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** A run reaches at most this many candidates; the next run goes on where it stopped. */
    static final int BATCH = 500;

    /** A scheduled run at most once a day per organisation. */
    static final Duration EVERY = Duration.ofHours(23);

    public static final String ACTOR = "service:privacy-retention";

    private final JdbcClient jdbc;
    private final DataSubjectRequests requests;
    private final RetentionApi applications;
    private final ServiceAccount account;
    private final AuditTrail audit;
    private final Clock clock;

    Retention(
            JdbcClient jdbc,
            DataSubjectRequests requests,
            RetentionApi applications,
            ServiceAccount account,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.applications = applications;
        this.account = account;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule; off at 24 months until an admin sets it. */
    public RetentionRule rule(UUID organizationId) {
        return jdbc.sql("SELECT * FROM privacy_retention_rule WHERE organization_id = :org")
                .param("org", organizationId)
                .query((rs, n) -> new RetentionRule(
                        rs.getInt("inactive_months"),
                        rs.getBoolean("enabled"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElse(new RetentionRule(24, false, null, null));
    }

    public RetentionRule setRule(UUID organizationId, int inactiveMonths, boolean enabled, String actor) {
        jdbc.sql("""
                        INSERT INTO privacy_retention_rule (organization_id, inactive_months, enabled, updated_by, updated_at)
                        VALUES (:org, :months, :enabled, :actor, :now)
                        ON CONFLICT (organization_id) DO UPDATE
                        SET inactive_months = EXCLUDED.inactive_months, enabled = EXCLUDED.enabled,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        """)
                .param("org", organizationId)
                .param("months", inactiveMonths)
                .param("enabled", enabled)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record("privacy.retention-changed", "retention-rule", organizationId);
        return rule(organizationId);
    }

    /** The organisations whose enabled rule has not run for a day, each claimed for this instance. */
    List<UUID> claimDue() {
        return jdbc.sql("""
                        UPDATE privacy_retention_rule SET last_run_started_at = :now
                        WHERE enabled AND (last_run_started_at IS NULL OR last_run_started_at < :due)
                        RETURNING organization_id
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("due", Timestamp.from(clock.instant().minus(EVERY)))
                .query(UUID.class)
                .list();
    }

    /** Runs the organisation's rule (enabled or not: an admin may run it to see whom it reaches) and reports. */
    public RetentionRun run(UUID organizationId, String trigger) {
        RetentionRule rule = rule(organizationId);
        Instant started = clock.instant();
        Instant cutoff = started.atOffset(ZoneOffset.UTC)
                .minusMonths(rule.inactiveMonths())
                .toInstant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO privacy_retention_run (id, organization_id, trigger, cutoff, started_at)
                        VALUES (:id, :org, :trigger, :cutoff, :now)
                        """)
                .param("id", id)
                .param("org", organizationId)
                .param("trigger", trigger)
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(started))
                .update();
        int filed = 0;
        int open = 0;
        int reached = 0;
        String problem = null;
        try {
            List<InactiveCandidate> candidates =
                    account.onBehalfOf(organizationId, () -> applications.inactive(cutoff, BATCH));
            reached = candidates.size();
            for (InactiveCandidate candidate : candidates) {
                Optional<DataSubjectRequests.Subject> subject = subject(candidate);
                if (subject.isEmpty()) {
                    continue;
                }
                if (requests.openErasureFor(organizationId, subject.get())) {
                    open++;
                } else {
                    requests.file(organizationId, DataSubjectRequests.Type.ERASURE, subject.get(), "RETENTION", ACTOR);
                    filed++;
                }
            }
        } catch (RestClientException e) {
            problem = "applications could not be asked: " + e.getClass().getSimpleName();
            log.warn("Retention run {} for organisation {} stopped: {}", id, organizationId, problem);
        }
        jdbc.sql("""
                        UPDATE privacy_retention_run SET finished_at = :now, candidates = :reached,
                            requests_filed = :filed, already_open = :open, problem = :problem
                        WHERE id = :id
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("reached", reached)
                .param("filed", filed)
                .param("open", open)
                .param("problem", problem)
                .param("id", id)
                .update();
        log.info(
                "Retention run {} ({}): {} candidates reached, {} erasure requests filed", id, trigger, reached, filed);
        if (trigger.equals("ADMIN")) {
            audit.record("privacy.retention-run", "retention-run", id);
        }
        return runs(organizationId, 1).getFirst();
    }

    public List<RetentionRun> runs(UUID organizationId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM privacy_retention_run WHERE organization_id = :org
                        ORDER BY started_at DESC LIMIT :limit
                        """)
                .param("org", organizationId)
                .param("limit", limit)
                .query(Retention::run)
                .list();
    }

    private static RetentionRun run(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RetentionRun(
                rs.getObject("id", UUID.class),
                rs.getString("trigger"),
                rs.getTimestamp("cutoff").toInstant(),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getInt("candidates"),
                rs.getInt("requests_filed"),
                rs.getInt("already_open"),
                rs.getString("problem"));
    }

    /** The candidate as an erasure request's subject: by email, else by phone. */
    static Optional<DataSubjectRequests.Subject> subject(InactiveCandidate candidate) {
        String email = candidate.email() == null || candidate.email().isBlank()
                ? null
                : candidate.email().strip().toLowerCase(Locale.ROOT);
        String phone = candidate.phone() == null || candidate.phone().isBlank()
                ? null
                : candidate.phone().strip();
        if (email == null && phone == null) {
            return Optional.empty();
        }
        return Optional.of(new DataSubjectRequests.Subject(email, phone, candidate.name(), "Retention rule"));
    }
}
