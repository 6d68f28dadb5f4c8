package io.openhire.audit.log;

import io.openhire.audit.client.AlertRule;
import io.openhire.audit.client.AuditEntry;
import io.openhire.audit.client.RaisedAlert;
import io.openhire.audit.events.AuditAlertRaised;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's alert rules, and their check of each appended entry: more than {@code threshold} entries of the
 * rule's action by the entry's actor within the window before it raises an alert — once per rule and actor per
 * window — stored and announced ({@code audit.alert-raised.v1}, which notification turns into a notification for
 * the admin who set the rule). The check runs in the transaction that appends the entry, so an entry and the alert
 * it raises commit together.
 */
@Repository
public class AlertRules {

    /** More rules than this an organisation is a mistake, and each is a query for every matching entry. */
    static final int MAX_RULES = 50;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    AlertRules(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<AlertRule> rules(UUID org) {
        return jdbc.sql("SELECT * FROM audit_alert_rule WHERE organization_id = :org ORDER BY created_at, id")
                .param("org", org)
                .query((rs, n) -> new AlertRule(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("action"),
                        rs.getInt("threshold"),
                        rs.getInt("window_minutes"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** @param notifyUser the admin to tell when it is crossed (null when an API key sets it) */
    @Transactional
    public AlertRule add(
            UUID org, String name, String action, int threshold, int windowMinutes, String createdBy, UUID notifyUser) {
        // a limit against mistakes, not a quota: two admins adding at the same moment may end with one more
        long rules = jdbc.sql("SELECT count(*) FROM audit_alert_rule WHERE organization_id = :org")
                .param("org", org)
                .query(Long.class)
                .single();
        if (rules >= MAX_RULES) {
            throw DomainException.conflict(
                    "too-many-alert-rules", "An organisation has at most " + MAX_RULES + " alert rules.");
        }
        AlertRule rule =
                new AlertRule(UUID.randomUUID(), name, action, threshold, windowMinutes, createdBy, clock.instant());
        jdbc.sql("""
                        INSERT INTO audit_alert_rule (id, organization_id, name, action, threshold, window_minutes,
                                                      created_by, notify_user, created_at)
                        VALUES (:id, :org, :name, :action, :threshold, :window, :createdBy, :notify, :at)
                        """)
                .param("id", rule.id())
                .param("org", org)
                .param("name", name)
                .param("action", action)
                .param("threshold", threshold)
                .param("window", windowMinutes)
                .param("createdBy", createdBy)
                .param("notify", notifyUser)
                .param("at", Timestamp.from(rule.createdAt()))
                .update();
        return rule;
    }

    /** @return whether the organisation had the rule */
    public boolean remove(UUID org, UUID id) {
        return jdbc.sql("DELETE FROM audit_alert_rule WHERE organization_id = :org AND id = :id")
                        .param("org", org)
                        .param("id", id)
                        .update()
                > 0;
    }

    public List<RaisedAlert> alerts(UUID org) {
        return jdbc.sql("""
                        SELECT * FROM audit_alert WHERE organization_id = :org
                        ORDER BY raised_at DESC, last_position DESC LIMIT 100
                        """)
                .param("org", org)
                .query((rs, n) -> new RaisedAlert(
                        rs.getObject("id", UUID.class),
                        rs.getObject("rule_id", UUID.class),
                        rs.getString("rule_name"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getInt("entries"),
                        rs.getLong("last_position"),
                        rs.getTimestamp("raised_at").toInstant()))
                .list();
    }

    /** The rules an appended entry may cross; call in the transaction that appended it. */
    void check(AuditEntry entry) {
        List<Rule> rules = jdbc.sql("""
                        SELECT id, name, threshold, window_minutes, notify_user FROM audit_alert_rule
                        WHERE organization_id = :org AND action = :action
                        """)
                .param("org", entry.organizationId())
                .param("action", entry.action())
                .query((rs, n) -> new Rule(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getInt("threshold"),
                        rs.getInt("window_minutes"),
                        rs.getObject("notify_user", UUID.class)))
                .list();
        for (Rule rule : rules) {
            Instant windowStart = entry.occurredAt().minus(Duration.ofMinutes(rule.windowMinutes()));
            boolean raisedInWindow = jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM audit_alert WHERE rule_id = :rule AND actor = :actor
                                           AND last_occurred_at > :windowStart)
                            """)
                    .param("rule", rule.id())
                    .param("actor", entry.actor())
                    .param("windowStart", Timestamp.from(windowStart))
                    .query(Boolean.class)
                    .single();
            if (raisedInWindow) {
                continue;
            }
            int entries = jdbc.sql("""
                            SELECT count(*) FROM audit_entry
                            WHERE organization_id = :org AND actor = :actor AND action = :action
                              AND occurred_at > :windowStart AND occurred_at <= :at
                            """)
                    .param("org", entry.organizationId())
                    .param("actor", entry.actor())
                    .param("action", entry.action())
                    .param("windowStart", Timestamp.from(windowStart))
                    .param("at", Timestamp.from(entry.occurredAt()))
                    .query(Integer.class)
                    .single();
            if (entries > rule.threshold()) {
                raise(entry, rule, entries);
            }
        }
    }

    private record Rule(UUID id, String name, int threshold, int windowMinutes, UUID notifyUser) {}

    private void raise(AuditEntry entry, Rule rule, int entries) {
        AuditAlertRaised alert = new AuditAlertRaised(
                UUID.randomUUID(),
                entry.organizationId(),
                rule.id(),
                rule.name(),
                entry.actor(),
                entry.action(),
                rule.threshold(),
                rule.windowMinutes(),
                entries,
                rule.notifyUser(),
                clock.instant());
        jdbc.sql("""
                        INSERT INTO audit_alert (id, organization_id, rule_id, rule_name, actor, action, entries,
                                                 last_position, last_occurred_at, raised_at)
                        VALUES (:id, :org, :rule, :ruleName, :actor, :action, :entries, :position, :occurredAt, :at)
                        """)
                .param("id", alert.alertId())
                .param("org", alert.organizationId())
                .param("rule", rule.id())
                .param("ruleName", rule.name())
                .param("actor", alert.actor())
                .param("action", alert.action())
                .param("entries", entries)
                .param("position", entry.position())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("at", Timestamp.from(alert.raisedAt()))
                .update();
        outbox.publish(AuditAlertRaised.TOPIC, alert.organizationId().toString(), alert, alert.organizationId());
    }
}
