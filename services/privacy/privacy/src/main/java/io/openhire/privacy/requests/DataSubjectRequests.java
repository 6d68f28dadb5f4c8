package io.openhire.privacy.requests;

import io.openhire.pii.Anonymizer;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.events.Outbox;
import io.openhire.privacy.PrivacyProperties;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectRequest;
import io.openhire.privacy.client.RequestAnswer;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.detection.OrganisationKeys;
import io.openhire.privacy.events.DataSubjectRequestOpened;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's data-subject requests, from filing to proof. Filing an access or erasure request announces it
 * ({@code privacy.request-opened.v1}, through the outbox, naming no one); each participating service reads the
 * person while the request is open and answers; the last answer completes it (an erasure only when every service
 * reports nothing left), and then the person's details are dropped: what stays is the proof.
 */
@Service
public class DataSubjectRequests {

    /** GDPR art. 12(3): one month from receipt. */
    static final int MONTHS_TO_ANSWER = 1;

    public enum Type {
        ACCESS,
        ERASURE,
        RECTIFICATION,
        RESTRICTION;

        boolean answeredByServices() {
            return this == ACCESS || this == ERASURE;
        }
    }

    /** Who the person is, as filed; sealed in the row while the request is open. */
    public record Subject(String email, String phone, String name, String details) {}

    /** What went wrong with a call, for the controller to turn into the right problem. */
    public static final class RequestException extends RuntimeException {
        public enum Kind {
            NOT_FOUND,
            CLOSED,
            NOT_YOURS,
            WRONG_TYPE,
            NOT_READY
        }

        private final Kind kind;

        RequestException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final JdbcClient jdbc;
    private final OrganisationKeys keys;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final ErasureLedger ledger;

    DataSubjectRequests(
            JdbcClient jdbc,
            OrganisationKeys keys,
            Outbox outbox,
            AuditTrail audit,
            JsonMapper json,
            PrivacyProperties properties,
            Clock clock,
            ErasureLedger ledger) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Transactional
    public DataSubjectRequest file(UUID organizationId, Type type, Subject subject, String source, String actor) {
        return file(organizationId, type, subject, source, actor, null);
    }

    private DataSubjectRequest file(
            UUID organizationId, Type type, Subject subject, String source, String actor, UUID replayOf) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant due = now.atOffset(ZoneOffset.UTC).plusMonths(MONTHS_TO_ANSWER).toInstant();
        jdbc.sql("""
                        INSERT INTO privacy_request (id, organization_id, type, status, subject_sealed, subject_hash,
                            subject_label, source, requested_by, received_at, due_at, replay_of)
                        VALUES (:id, :org, :type, 'OPEN', :sealed, :hash, :label, :source, :actor, :now, :due,
                            :replayOf)
                        """)
                .param("id", id)
                .param("org", organizationId)
                .param("type", type.name())
                .param("sealed", seal(organizationId, id, subject))
                .param("hash", subjectHash(organizationId, subject))
                .param("label", label(subject))
                .param("source", source)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(due))
                .param("replayOf", replayOf)
                .update();
        if (replayOf == null) {
            audit.record("privacy.request-filed", "privacy-request", id);
        } else {
            // filed by this service at its start, not in anyone's request
            audit.record(
                    new io.openhire.platform.security.AuthenticatedUser(
                            actor,
                            organizationId,
                            java.util.Set.of(io.openhire.platform.security.PlatformRoles.SERVICE),
                            io.openhire.platform.security.AuthenticatedUser.Kind.SERVICE),
                    "privacy.request-filed",
                    "privacy-request",
                    id,
                    io.openhire.platform.audit.AuditRecorded.Result.SUCCESS);
        }
        if (type.answeredByServices()) {
            announce(organizationId, id, type, due);
        }
        return find(organizationId, id).orElseThrow();
    }

    /** Sends the request to the services again (one whose answer was lost, or a service added since). */
    @Transactional
    public DataSubjectRequest resend(UUID organizationId, UUID id) {
        Row row = row(organizationId, id);
        if (!row.status.equals("OPEN")) {
            throw new RequestException(RequestException.Kind.CLOSED, "the request is closed");
        }
        if (!row.type.answeredByServices()) {
            throw new RequestException(
                    RequestException.Kind.WRONG_TYPE, "only access and erasure requests go to the services");
        }
        announce(organizationId, id, row.type, row.dueAt);
        return find(organizationId, id).orElseThrow();
    }

    private void announce(UUID organizationId, UUID id, Type type, Instant due) {
        outbox.publish(
                DataSubjectRequestOpened.TOPIC,
                id.toString(),
                new DataSubjectRequestOpened(
                        id, organizationId, DataSubjectRequestOpened.Type.valueOf(type.name()), due, clock.instant()),
                organizationId);
    }

    /** The person, for a participating service, while the request is open. */
    public DataSubject subject(UUID organizationId, UUID id) {
        Row row = row(organizationId, id);
        if (!row.status.equals("OPEN") || row.sealed == null) {
            throw new RequestException(RequestException.Kind.CLOSED, "the request is closed");
        }
        Subject subject = open(organizationId, id, row.sealed);
        List<String> emails = subject.email() == null ? List.of() : List.of(subject.email());
        List<String> phones = subject.phone() == null ? List.of() : List.of(subject.phone());
        return new DataSubject(id, row.type.name(), emails, phones, subject.name());
    }

    /**
     * A service's answer; the first one of each service stands (a repeat is a redelivered event). The last
     * awaited answer completes the request.
     */
    @Transactional
    public void answer(UUID organizationId, UUID id, String service, SubjectAnswer answer) {
        Row row = lockedRow(organizationId, id);
        if (!row.status.equals("OPEN")) {
            throw new RequestException(RequestException.Kind.CLOSED, "the request is closed");
        }
        if (!properties.participants().contains(service)) {
            throw new RequestException(RequestException.Kind.NOT_YOURS, "'" + service + "' does not answer requests");
        }
        byte[] export = null;
        if (row.type == Type.ACCESS) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("data", answer.data());
            part.put("files", answer.files());
            export = keys.cipher().seal(json.writeValueAsBytes(part), exportAssociated(organizationId, id, service));
        }
        // A later answer replaces an earlier one: an erasure sent again after a failure reports what is left now.
        jdbc.sql("""
                        INSERT INTO privacy_request_answer (request_id, service, records, remaining, export_sealed, answered_at)
                        VALUES (:id, :service, :records, :remaining, :export, :now)
                        ON CONFLICT (request_id, service) DO UPDATE
                        SET records = GREATEST(privacy_request_answer.records, EXCLUDED.records),
                            remaining = EXCLUDED.remaining, export_sealed = EXCLUDED.export_sealed,
                            answered_at = EXCLUDED.answered_at
                        """)
                .param("id", id)
                .param("service", service)
                .param("records", Math.max(0, answer.records()))
                .param("remaining", Math.max(0, answer.remaining()))
                .param("export", export)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        completeIfAnswered(organizationId, id, row.type);
    }

    private void completeIfAnswered(UUID organizationId, UUID id, Type type) {
        List<String> satisfied = jdbc.sql("""
                        SELECT service FROM privacy_request_answer
                        WHERE request_id = :id AND (:access OR remaining = 0)
                        """)
                .param("id", id)
                .param("access", type == Type.ACCESS)
                .query(String.class)
                .list();
        if (!satisfied.containsAll(properties.participants())) {
            return;
        }
        close(organizationId, id, "COMPLETED", null);
    }

    /** A rectification or restriction carried out by hand, with what was done. */
    @Transactional
    public DataSubjectRequest complete(UUID organizationId, UUID id, String resolution) {
        Row row = lockedRow(organizationId, id);
        if (!row.status.equals("OPEN")) {
            throw new RequestException(RequestException.Kind.CLOSED, "the request is closed");
        }
        if (row.type.answeredByServices()) {
            throw new RequestException(
                    RequestException.Kind.WRONG_TYPE,
                    "an access or erasure request completes when every service has answered");
        }
        close(organizationId, id, "COMPLETED", resolution);
        return find(organizationId, id).orElseThrow();
    }

    /** A request refused (the person's identity could not be confirmed, say), with why. */
    @Transactional
    public DataSubjectRequest reject(UUID organizationId, UUID id, String resolution) {
        Row row = lockedRow(organizationId, id);
        if (!row.status.equals("OPEN")) {
            throw new RequestException(RequestException.Kind.CLOSED, "the request is closed");
        }
        close(organizationId, id, "REJECTED", resolution);
        jdbc.sql("UPDATE privacy_request_answer SET export_sealed = NULL WHERE request_id = :id")
                .param("id", id)
                .update();
        return find(organizationId, id).orElseThrow();
    }

    /**
     * Closes the request and drops who the person is: what stays is the proof. A completed erasure goes into the
     * erasure ledger first (the sealed subject, as the request held it), so a restore cannot bring the person back.
     */
    private void close(UUID organizationId, UUID id, String status, String resolution) {
        Row row = row(organizationId, id);
        if (status.equals("COMPLETED") && row.type == Type.ERASURE && row.sealed != null) {
            ledger.append(id, organizationId, row.sealed);
        }
        jdbc.sql("""
                        UPDATE privacy_request SET status = :status, subject_sealed = NULL, resolution = :resolution,
                            completed_at = :now
                        WHERE organization_id = :org AND id = :id
                        """)
                .param("status", status)
                .param("resolution", resolution)
                .param("now", Timestamp.from(clock.instant()))
                .param("org", organizationId)
                .param("id", id)
                .update();
        audit.record("privacy.request-" + status.toLowerCase(Locale.ROOT), "privacy-request", id);
    }

    /**
     * Files {@code entry}'s erasure again when neither its request nor a replay of it is in this database (it was
     * restored from a backup older than the erasure). The organisation's admins see it among their requests, filed
     * by {@code service:privacy} with source {@code RESTORE}. Answers whether it filed one.
     */
    @Transactional
    public boolean fileReplayIfUnknown(ErasureLedger.Entry entry) {
        boolean known = jdbc.sql("SELECT count(*) FROM privacy_request WHERE id = :id OR replay_of = :id")
                        .param("id", entry.requestId())
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        Subject subject = open(entry.organizationId(), entry.requestId(), entry.sealed());
        file(entry.organizationId(), Type.ERASURE, subject, "RESTORE", "service:privacy", entry.requestId());
        return true;
    }

    /** Sends every open access and erasure request to the services again (after a restore); answers how many. */
    @Transactional
    public int resendOpen() {
        record Open(UUID id, UUID organizationId, Type type, Instant dueAt) {}
        List<Open> open = jdbc.sql("""
                        SELECT id, organization_id, type, due_at FROM privacy_request
                        WHERE status = 'OPEN' AND type IN ('ACCESS', 'ERASURE')
                        """)
                .query((rs, n) -> new Open(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        Type.valueOf(rs.getString("type")),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
        open.forEach(o -> announce(o.organizationId(), o.id(), o.type(), o.dueAt()));
        return open.size();
    }

    public List<DataSubjectRequest> list(UUID organizationId, String status, int limit) {
        List<UUID> ids = jdbc.sql("""
                        SELECT id FROM privacy_request
                        WHERE organization_id = :org AND (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY received_at DESC LIMIT :limit
                        """)
                .param("org", organizationId)
                .param("status", status)
                .param("limit", limit)
                .query(UUID.class)
                .list();
        List<DataSubjectRequest> requests = new ArrayList<>();
        for (UUID id : ids) {
            find(organizationId, id).ifPresent(requests::add);
        }
        return requests;
    }

    public Optional<DataSubjectRequest> find(UUID organizationId, UUID id) {
        Optional<Row> found = jdbc.sql("SELECT * FROM privacy_request WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(DataSubjectRequests::row)
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        Map<String, RequestAnswer> answers = new LinkedHashMap<>();
        if (row.type.answeredByServices()) {
            for (String service : properties.participants()) {
                answers.put(service, new RequestAnswer(service, false, null, null, null));
            }
        }
        boolean exportReady = row.type == Type.ACCESS && row.status.equals("COMPLETED");
        for (AnswerRow answer : jdbc.sql("""
                        SELECT service, records, remaining, answered_at, export_sealed IS NOT NULL AS has_export
                        FROM privacy_request_answer WHERE request_id = :id ORDER BY service
                        """)
                .param("id", id)
                .query((rs, n) -> new AnswerRow(
                        rs.getString("service"),
                        rs.getInt("records"),
                        rs.getInt("remaining"),
                        rs.getTimestamp("answered_at").toInstant(),
                        rs.getBoolean("has_export")))
                .list()) {
            answers.put(
                    answer.service,
                    new RequestAnswer(answer.service, true, answer.records, answer.remaining, answer.at));
            exportReady &= answer.hasExport || row.type != Type.ACCESS;
        }
        Instant now = clock.instant();
        boolean overdue = row.status.equals("OPEN") && now.isAfter(row.dueAt);
        return Optional.of(new DataSubjectRequest(
                row.id,
                row.type.name(),
                row.status,
                row.label,
                row.source,
                row.receivedAt,
                row.dueAt,
                row.completedAt,
                overdue,
                row.requestedBy,
                row.resolution,
                exportReady && !answers.isEmpty(),
                List.copyOf(answers.values()),
                row.sealed == null ? null : open(organizationId, id, row.sealed).details()));
    }

    /** Each service's part of a completed access request, unsealed: {service → {data, files}}. */
    public Map<String, byte[]> exportParts(UUID organizationId, UUID id) {
        Row row = row(organizationId, id);
        if (row.type != Type.ACCESS) {
            throw new RequestException(RequestException.Kind.WRONG_TYPE, "only an access request has an export");
        }
        if (!row.status.equals("COMPLETED")) {
            throw new RequestException(
                    RequestException.Kind.NOT_READY, "the export is ready when every service has answered");
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT service, export_sealed FROM privacy_request_answer WHERE request_id = :id AND export_sealed IS NOT NULL ORDER BY service")
                .param("id", id)
                .query((rs, n) -> {
                    String service = rs.getString("service");
                    parts.put(
                            service,
                            keys.cipher()
                                    .open(rs.getBytes("export_sealed"), exportAssociated(organizationId, id, service)));
                    return service;
                })
                .list();
        if (parts.isEmpty()) {
            throw new RequestException(RequestException.Kind.NOT_READY, "the export was purged after its retention");
        }
        audit.read("privacy.export-downloaded", "privacy-request", id);
        return parts;
    }

    /** Drops the exports of access requests completed longer ago than the retention. */
    @Transactional
    public int purgeExports() {
        return jdbc.sql("""
                        UPDATE privacy_request_answer a SET export_sealed = NULL
                        FROM privacy_request r
                        WHERE a.request_id = r.id AND a.export_sealed IS NOT NULL AND r.status <> 'OPEN'
                          AND r.completed_at < :cutoff
                        """)
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.exportRetention())))
                .update();
    }

    private record AnswerRow(String service, int records, int remaining, Instant at, boolean hasExport) {}

    private record Row(
            UUID id,
            Type type,
            String status,
            byte[] sealed,
            String label,
            String source,
            String requestedBy,
            String resolution,
            Instant receivedAt,
            Instant dueAt,
            Instant completedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Row(
                rs.getObject("id", UUID.class),
                Type.valueOf(rs.getString("type")),
                rs.getString("status"),
                rs.getBytes("subject_sealed"),
                rs.getString("subject_label"),
                rs.getString("source"),
                rs.getString("requested_by"),
                rs.getString("resolution"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }

    private Row row(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM privacy_request WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(DataSubjectRequests::row)
                .optional()
                .orElseThrow(() -> new RequestException(RequestException.Kind.NOT_FOUND, "no such request"));
    }

    /** The row, locked until the transaction ends: two answers arriving together complete the request once. */
    private Row lockedRow(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM privacy_request WHERE organization_id = :org AND id = :id FOR UPDATE")
                .param("org", organizationId)
                .param("id", id)
                .query(DataSubjectRequests::row)
                .optional()
                .orElseThrow(() -> new RequestException(RequestException.Kind.NOT_FOUND, "no such request"));
    }

    private byte[] seal(UUID organizationId, UUID id, Subject subject) {
        return keys.cipher().seal(json.writeValueAsBytes(subject), "privacy-request:" + organizationId + ":" + id);
    }

    private Subject open(UUID organizationId, UUID id, byte[] sealed) {
        byte[] plain = keys.cipher().open(sealed, "privacy-request:" + organizationId + ":" + id);
        return json.readValue(new String(plain, StandardCharsets.UTF_8), Subject.class);
    }

    private static String exportAssociated(UUID organizationId, UUID id, String service) {
        return "privacy-export:" + organizationId + ":" + id + ":" + service;
    }

    /** Which person, without who: the organisation's keyed hash of the normalised email (or phone, without one). */
    private String subjectHash(UUID organizationId, Subject subject) {
        String key = subject.email() != null
                ? subject.email().strip().toLowerCase(Locale.ROOT)
                : "phone:" + subject.phone().replaceAll("\\D", "");
        return Anonymizer.hmac(keys.hashKey(organizationId), "subject:" + key);
    }

    /**
     * "jane.doe@example.com" → "j***@example.com", "+44 20 7946 0958" → "phone …0958": enough for an admin to tell
     * requests apart.
     */
    static String label(Subject subject) {
        if (subject.email() == null) {
            String digits = subject.phone().replaceAll("\\D", "");
            return "phone …" + digits.substring(Math.max(0, digits.length() - 4));
        }
        String email = subject.email();
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** Whether an erasure of this person is still open (a retention run does not file a second). */
    public boolean openErasureFor(UUID organizationId, Subject subject) {
        return jdbc.sql("""
                        SELECT count(*) FROM privacy_request
                        WHERE organization_id = :org AND type = 'ERASURE' AND status = 'OPEN' AND subject_hash = :hash
                        """)
                        .param("org", organizationId)
                        .param("hash", subjectHash(organizationId, subject))
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
