package io.openhire.monitoring.errors;

import io.openhire.monitoring.MonitoringProperties;
import io.openhire.monitoring.client.ErrorGroup;
import io.openhire.monitoring.client.ErrorGroups;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.monitoring.ErrorReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The errors the platform reported, one group per kind: a report of a known error counts and updates it (and
 * reopens it if it was resolved), a new one starts a group.
 *
 * <p>The fingerprint is the service, the source, the type and the top {@value #FINGERPRINT_FRAMES} frames without
 * their line numbers — OpenHire's own frames where the stack has any, since the library frames on top (a JSON parser's)
 * are the same for every caller — so the same bug still groups after an unrelated change moves it down a file, and
 * the same exception thrown from two places does not.
 */
@Service
public class ErrorLog {

    static final int FINGERPRINT_FRAMES = 5;
    private static final Pattern LINE = Pattern.compile(":\\d+(:\\d+)?$");
    /** A browser frame's address without its query (a cache-busting version) or fragment. */
    private static final Pattern QUERY = Pattern.compile("[?#][^\\s:)]*");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final MonitoringProperties properties;

    ErrorLog(JdbcClient jdbc, JsonMapper json, Clock clock, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Counts one report for {@code organizationId}. {@code service} is who reported it (for a service's token, the
     * token's service name, not the body's). Throws {@code too-many-new-errors} (429) when the organisation has
     * started more new groups this hour than allowed.
     */
    @Transactional
    public ErrorGroup record(ErrorReport report, String service, UUID organizationId) {
        List<String> frames = report.frames() == null ? List.of() : report.frames();
        String message = ErrorReport.scrub(report.message()); // again: a browser's report was never scrubbed by us
        String fingerprint = fingerprint(service, report.source(), report.type(), frames);
        Instant now = clock.instant();
        Optional<UUID> known = jdbc.sql("SELECT id FROM error_groups WHERE fingerprint = :f")
                .param("f", fingerprint)
                .query(UUID.class)
                .optional();
        boolean newForOrganization = known.isEmpty()
                || jdbc.sql(
                                        "SELECT count(*) FROM error_group_organizations WHERE group_id = :g AND organization_id = :o")
                                .param("g", known.get())
                                .param("o", organizationId)
                                .query(Long.class)
                                .single()
                        == 0;
        if (newForOrganization && startedThisHour(organizationId, now) >= properties.newErrorGroupsPerHour()) {
            throw new DomainException(
                            DomainException.Category.TOO_MANY_REQUESTS,
                            "too-many-new-errors",
                            "Too many requests",
                            "This organisation has reported " + properties.newErrorGroupsPerHour()
                                    + " new kinds of error in the last hour; reports of known errors are still counted.")
                    .with("retryAfterSeconds", 600);
        }
        UUID id = jdbc.sql("""
                        INSERT INTO error_groups (id, fingerprint, service, source, type, message, frames, operation,
                            first_seen, last_seen, occurrences, last_trace_id, last_request_id, status)
                        VALUES (:id, :fingerprint, :service, :source, :type, :message, CAST(:frames AS jsonb),
                            :operation, :now, :now, 1, :trace, :request, 'open')
                        ON CONFLICT (fingerprint) DO UPDATE SET
                            last_seen = GREATEST(error_groups.last_seen, excluded.last_seen),
                            occurrences = error_groups.occurrences + 1,
                            message = excluded.message,
                            operation = COALESCE(excluded.operation, error_groups.operation),
                            last_trace_id = COALESCE(excluded.last_trace_id, error_groups.last_trace_id),
                            last_request_id = COALESCE(excluded.last_request_id, error_groups.last_request_id),
                            status = CASE WHEN error_groups.status = 'resolved' THEN 'reopened'
                                          ELSE error_groups.status END
                        RETURNING id
                        """)
                .param("id", UUID.randomUUID())
                .param("fingerprint", fingerprint)
                .param("service", service)
                .param("source", report.source())
                .param("type", report.type())
                .param("message", message)
                .param("frames", json.writeValueAsString(frames))
                .param("operation", blankToNull(report.operation()))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("trace", blankToNull(report.traceId()))
                .param("request", blankToNull(report.requestId()))
                .query(UUID.class)
                .single();
        jdbc.sql("""
                        INSERT INTO error_group_organizations (group_id, organization_id, first_seen, occurrences)
                        VALUES (:g, :o, :now, 1)
                        ON CONFLICT (group_id, organization_id)
                        DO UPDATE SET occurrences = error_group_organizations.occurrences + 1
                        """)
                .param("g", id)
                .param("o", organizationId)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        return find(id).orElseThrow();
    }

    private long startedThisHour(UUID organizationId, Instant now) {
        return jdbc.sql(
                        "SELECT count(*) FROM error_group_organizations WHERE organization_id = :o AND first_seen > :since")
                .param("o", organizationId)
                .param("since", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    static String fingerprint(String service, String source, String type, List<String> frames) {
        StringBuilder key = new StringBuilder(service)
                .append('|')
                .append(source)
                .append('|')
                .append(type);
        frames.stream()
                .limit(FINGERPRINT_FRAMES)
                .map(f -> LINE.matcher(QUERY.matcher(f.strip()).replaceAll("")).replaceAll(""))
                .forEach(f -> key.append('|').append(f));
        return Sha256.hex(key.toString());
    }

    public Optional<ErrorGroup> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = :id GROUP BY g.id")
                .param("id", id)
                .query(this::group)
                .optional();
    }

    /** {@code status}: open (open or reopened), resolved, or null for all; {@code service} optional. */
    public ErrorGroups list(String status, String service, int page, int size) {
        String where = " WHERE (CAST(:service AS text) IS NULL OR g.service = :service)"
                + switch (status == null ? "all" : status) {
                    case "open" -> " AND g.status IN ('open', 'reopened')";
                    case "resolved" -> " AND g.status = 'resolved'";
                    default -> "";
                };
        List<ErrorGroup> items = jdbc.sql(
                        SELECT + where + " GROUP BY g.id ORDER BY g.last_seen DESC LIMIT :size OFFSET :offset")
                .param("service", service)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::group)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM error_groups g" + where)
                .param("service", service)
                .query(Long.class)
                .single();
        return new ErrorGroups(items, total, page, size);
    }

    @Transactional
    public Optional<ErrorGroup> resolve(UUID id, String by) {
        int changed = jdbc.sql(
                        "UPDATE error_groups SET status = 'resolved', resolved_at = :now, resolved_by = :by WHERE id = :id")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("by", by)
                .param("id", id)
                .update();
        return changed == 0 ? Optional.empty() : find(id);
    }

    /** Groups nobody has reported for {@code openhire.monitoring.error-retention} go, daily. */
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    public int prune() {
        return jdbc.sql("DELETE FROM error_groups WHERE last_seen < :before")
                .param(
                        "before",
                        OffsetDateTime.ofInstant(clock.instant().minus(properties.errorRetention()), ZoneOffset.UTC))
                .update();
    }

    private static final String SELECT = """
            SELECT g.*, count(o.organization_id) AS organizations
            FROM error_groups g LEFT JOIN error_group_organizations o ON o.group_id = g.id""";

    private ErrorGroup group(ResultSet rs, int row) throws SQLException {
        return new ErrorGroup(
                rs.getObject("id", UUID.class),
                rs.getString("service"),
                rs.getString("source"),
                rs.getString("type"),
                rs.getString("message"),
                json.readValue(rs.getString("frames"), new TypeReference<List<String>>() {}),
                rs.getString("operation"),
                rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
                rs.getObject("last_seen", OffsetDateTime.class).toInstant(),
                rs.getLong("occurrences"),
                rs.getInt("organizations"),
                rs.getString("last_trace_id"),
                rs.getString("last_request_id"),
                rs.getString("status"),
                rs.getObject("resolved_at", OffsetDateTime.class) == null
                        ? null
                        : rs.getObject("resolved_at", OffsetDateTime.class).toInstant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
