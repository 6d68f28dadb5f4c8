package io.openhire.security.threats;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.security.KeysProperties;
import io.openhire.security.threats.ThreatAlerts.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the audit stream for attacks, one organisation at a time (an organisation's alerts come only from its own
 * entries):
 *
 * <ul>
 *   <li>{@code CREDENTIAL_STUFFING}: failed sign-ins ({@code user.signed-in}, {@code FAILED}) of N distinct accounts
 *       from one address within the window
 *   <li>{@code BRUTE_FORCE}: N failed sign-ins of one account within the window
 *   <li>{@code MASS_DOWNLOAD}: N {@code resume.downloaded} by one actor within the window
 *   <li>{@code PRIVILEGE_CHANGE}: every {@code user.role-changed} and {@code api-key.created}
 * </ul>
 *
 * What it counts it keeps in {@code security_audit_signal}, for the longest window and a little more. Time is the
 * entries' {@code occurredAt}, not the clock, so late or replayed entries are judged as they happened. Each entry is
 * inspected once (the listener deduplicates events; the signal's entry id deduplicates entries), under an advisory
 * lock per organisation so that two consumers cannot both raise the same alert.
 */
@Component
public class ThreatDetector {

    private static final Logger log = LoggerFactory.getLogger(ThreatDetector.class);
    private static final int LOCK_SPACE = 0x5EC0002;
    static final String SIGNED_IN = "user.signed-in";
    static final String DOWNLOADED = "resume.downloaded";

    private enum Signal {
        SIGN_IN_FAILED,
        RESUME_DOWNLOADED
    }

    private final JdbcClient jdbc;
    private final ThreatAlerts alerts;
    private final KeysProperties.Threats settings;
    private final Set<String> privilegeActions;
    private final Clock clock;

    ThreatDetector(JdbcClient jdbc, ThreatAlerts alerts, KeysProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.settings = properties.threats();
        this.privilegeActions = Set.copyOf(settings.privilegeActions());
        this.clock = clock;
    }

    /** Checks one audit entry; runs in the listener's transaction. */
    public void inspect(AuditRecorded entry) {
        if (entry.organizationId() == null || entry.action() == null || entry.occurredAt() == null) {
            return; // not an organisation's entry: nothing to hold it against
        }
        boolean failedSignIn = SIGNED_IN.equals(entry.action())
                && entry.result() == AuditRecorded.Result.FAILED
                && entry.actor() != null;
        boolean download = DOWNLOADED.equals(entry.action())
                && entry.result() == AuditRecorded.Result.SUCCESS
                && entry.actor() != null;
        boolean privilege = privilegeActions.contains(entry.action());
        if (!failedSignIn && !download && !privilege) {
            return;
        }
        lock(entry.organizationId());
        if (failedSignIn && remember(entry, Signal.SIGN_IN_FAILED)) {
            checkCredentialStuffing(entry);
            checkBruteForce(entry);
        }
        if (download && remember(entry, Signal.RESUME_DOWNLOADED)) {
            checkMassDownload(entry);
        }
        if (privilege) {
            // every one is an alert: the entry itself is the subject, so only a repeat of it is held back
            UUID entryId = entry.entryId() == null ? UUID.randomUUID() : entry.entryId();
            raise(entry, Kind.PRIVILEGE_CHANGE, "entry:" + entryId, entry.actor(), describe(entry), Instant.EPOCH);
        }
    }

    private void checkCredentialStuffing(AuditRecorded entry) {
        if (entry.ip() == null) {
            return;
        }
        Duration window = settings.credentialStuffingWindow();
        int accounts = jdbc.sql("""
                        SELECT count(DISTINCT actor) FROM security_audit_signal
                        WHERE organization_id = :org AND signal = 'SIGN_IN_FAILED' AND ip = :ip
                          AND occurred_at > :since AND occurred_at <= :at
                        """)
                .param("org", entry.organizationId())
                .param("ip", entry.ip())
                .param("since", Timestamp.from(entry.occurredAt().minus(window)))
                .param("at", Timestamp.from(entry.occurredAt()))
                .query(Integer.class)
                .single();
        if (accounts >= settings.credentialStuffingAccounts()) {
            raise(
                    entry,
                    Kind.CREDENTIAL_STUFFING,
                    "ip:" + entry.ip(),
                    null,
                    accounts + " accounts failed to sign in from this address within " + minutes(window),
                    entry.occurredAt().minus(window));
        }
    }

    private void checkBruteForce(AuditRecorded entry) {
        Duration window = settings.bruteForceWindow();
        int failures = countByActor(entry, Signal.SIGN_IN_FAILED, window);
        if (failures >= settings.bruteForceFailures()) {
            raise(
                    entry,
                    Kind.BRUTE_FORCE,
                    "actor:" + entry.actor(),
                    entry.actor(),
                    failures + " failed sign-ins of this account within " + minutes(window),
                    entry.occurredAt().minus(window));
        }
    }

    private void checkMassDownload(AuditRecorded entry) {
        Duration window = settings.massDownloadWindow();
        int downloads = countByActor(entry, Signal.RESUME_DOWNLOADED, window);
        if (downloads >= settings.massDownloads()) {
            raise(
                    entry,
                    Kind.MASS_DOWNLOAD,
                    "actor:" + entry.actor(),
                    entry.actor(),
                    downloads + " resumes downloaded within " + minutes(window),
                    entry.occurredAt().minus(window));
        }
    }

    private int countByActor(AuditRecorded entry, Signal signal, Duration window) {
        return jdbc.sql("""
                        SELECT count(*) FROM security_audit_signal
                        WHERE organization_id = :org AND signal = :signal AND actor = :actor
                          AND occurred_at > :since AND occurred_at <= :at
                        """)
                .param("org", entry.organizationId())
                .param("signal", signal.name())
                .param("actor", entry.actor())
                .param("since", Timestamp.from(entry.occurredAt().minus(window)))
                .param("at", Timestamp.from(entry.occurredAt()))
                .query(Integer.class)
                .single();
    }

    private void raise(AuditRecorded entry, Kind kind, String subject, String actor, String detail, Instant since) {
        if (alerts.raiseOnce(
                entry.organizationId(), kind, subject, actor, entry.ip(), detail, entry.occurredAt(), since)) {
            // who and from where are in the alert, which only the organisation's admins read; not in the log
            log.warn("Threat alert {} raised for organisation {}", kind, entry.organizationId());
        }
    }

    /** Keeps the entry as a signal; false if it was kept before (the same entry delivered again). */
    private boolean remember(AuditRecorded entry, Signal signal) {
        return jdbc.sql("""
                                INSERT INTO security_audit_signal
                                    (organization_id, entry_id, signal, actor, ip, occurred_at)
                                VALUES (:org, :entry, :signal, :actor, :ip, :at)
                                ON CONFLICT DO NOTHING
                                """)
                        .param("org", entry.organizationId())
                        .param("entry", entry.entryId() == null ? UUID.randomUUID() : entry.entryId())
                        .param("signal", signal.name())
                        .param("actor", entry.actor())
                        .param("ip", entry.ip())
                        .param("at", Timestamp.from(entry.occurredAt()))
                        .update()
                == 1;
    }

    private void lock(UUID organizationId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:org))")
                .param("space", LOCK_SPACE)
                .param("org", organizationId.toString())
                .query()
                .singleValue();
    }

    /** Signals older than every window are of no more use. */
    @Scheduled(initialDelay = 600_000, fixedDelay = 3_600_000)
    void forgetOldSignals() {
        int forgotten = jdbc.sql("DELETE FROM security_audit_signal WHERE occurred_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(settings.signalRetention())))
                .update();
        if (forgotten > 0) {
            log.debug("Forgot {} audit signals older than {}", forgotten, settings.signalRetention());
        }
    }

    /** {@code user.role-changed on user 42 (SUCCESS)}: ids only, as the audit entry has them. */
    private static String describe(AuditRecorded entry) {
        StringBuilder text = new StringBuilder(entry.action());
        if (entry.resourceType() != null) {
            text.append(" on ").append(entry.resourceType());
            if (entry.resourceId() != null) {
                text.append(' ').append(entry.resourceId());
            }
        }
        if (entry.result() != null) {
            text.append(" (").append(entry.result()).append(')');
        }
        return text.toString();
    }

    private static String minutes(Duration window) {
        long minutes = window.toMinutes();
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
