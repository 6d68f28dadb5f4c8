package io.openhire.monitoring.traces;

import io.openhire.monitoring.MonitoringProperties;
import io.openhire.monitoring.client.Trace;
import io.openhire.monitoring.client.TraceSpan;
import io.openhire.monitoring.client.TraceSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The spans received, searched by trace, and dropped after {@code openhire.monitoring.trace-retention}. */
@Repository
public class TraceStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final Clock clock;
    private final MonitoringProperties properties;

    TraceStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Clock clock, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Stores a batch; a span sent twice (an exporter's retry) is kept once. */
    void save(List<Spans.StoredSpan> spans) {
        batch.batchUpdate("""
                INSERT INTO spans (trace_id, span_id, parent_span_id, service, name, kind, start_time, duration_us,
                    error, status_message, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT DO NOTHING
                """, spans, 500, (statement, span) -> {
            statement.setString(1, span.traceId());
            statement.setString(2, span.spanId());
            statement.setString(3, span.parentSpanId());
            statement.setString(4, span.service());
            statement.setString(5, span.name());
            statement.setString(6, span.kind());
            statement.setObject(7, OffsetDateTime.ofInstant(span.start(), ZoneOffset.UTC));
            statement.setLong(8, span.durationMicros());
            statement.setBoolean(9, span.error());
            statement.setString(10, span.statusMessage());
            statement.setString(11, json.writeValueAsString(span.attributes()));
        });
    }

    /**
     * Traces newest first. The root is the span whose parent is not in the store (the gateway's server span, or a
     * listener's consumer span); a trace matches a service or an operation when any of its spans does.
     */
    public List<TraceSummary> search(String service, String operation, long minDurationMicros, int limit) {
        return jdbc.sql("""
                        SELECT s.trace_id,
                               min(s.start_time) AS start,
                               extract(epoch FROM max(s.start_time + s.duration_us * interval '1 microsecond')
                                   - min(s.start_time)) * 1000000 AS duration_us,
                               count(*) AS spans,
                               count(DISTINCT s.service) AS services,
                               bool_or(s.error) AS error,
                               (array_agg(s.service ORDER BY (p.span_id IS NOT NULL), s.start_time))[1] AS root_service,
                               (array_agg(s.name ORDER BY (p.span_id IS NOT NULL), s.start_time))[1] AS root_name
                        FROM spans s
                        LEFT JOIN spans p ON p.trace_id = s.trace_id AND p.span_id = s.parent_span_id
                        WHERE s.trace_id IN (
                            SELECT trace_id FROM spans
                            GROUP BY trace_id
                            HAVING (CAST(:service AS text) IS NULL OR bool_or(service = :service))
                               AND (CAST(:operation AS text) IS NULL
                                    OR bool_or(strpos(lower(name), lower(:operation)) > 0))
                            ORDER BY max(start_time) DESC LIMIT 2000)
                        GROUP BY s.trace_id
                        HAVING extract(epoch FROM max(s.start_time + s.duration_us * interval '1 microsecond')
                                   - min(s.start_time)) * 1000000 >= :min
                        ORDER BY start DESC
                        LIMIT :limit
                        """)
                .param("service", service)
                .param("operation", operation)
                .param("min", minDurationMicros)
                .param("limit", limit)
                .query((rs, row) -> new TraceSummary(
                        rs.getString("trace_id"),
                        rs.getString("root_service"),
                        rs.getString("root_name"),
                        rs.getObject("start", OffsetDateTime.class).toInstant(),
                        Math.round(rs.getDouble("duration_us")),
                        rs.getInt("spans"),
                        rs.getInt("services"),
                        rs.getBoolean("error")))
                .list();
    }

    /** The trace's spans in waterfall order: each after its parent, siblings by start; orphans as roots. */
    public Optional<Trace> trace(String traceId) {
        List<Row> rows = jdbc.sql("SELECT * FROM spans WHERE trace_id = :t ORDER BY start_time, span_id")
                .param("t", traceId)
                .query(this::row)
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.spanId()));
        Map<String, List<Row>> children = new HashMap<>();
        List<Row> roots = new ArrayList<>();
        for (Row r : rows) {
            if (r.parentSpanId() != null && ids.contains(r.parentSpanId())) {
                children.computeIfAbsent(r.parentSpanId(), k -> new ArrayList<>())
                        .add(r);
            } else {
                roots.add(r);
            }
        }
        var start = rows.stream().map(Row::start).min(Comparator.naturalOrder()).orElseThrow();
        var end = rows.stream()
                .map(r -> r.start().plus(r.durationMicros(), ChronoUnit.MICROS))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<TraceSpan> ordered = new ArrayList<>();
        for (Row root : roots) {
            place(root, 0, start, children, ordered);
        }
        return Optional.of(new Trace(traceId, start, ChronoUnit.MICROS.between(start, end), ordered));
    }

    private static void place(
            Row span, int depth, java.time.Instant traceStart, Map<String, List<Row>> children, List<TraceSpan> into) {
        into.add(new TraceSpan(
                span.spanId(),
                span.parentSpanId(),
                span.service(),
                span.name(),
                span.kind(),
                span.start(),
                ChronoUnit.MICROS.between(traceStart, span.start()),
                span.durationMicros(),
                depth,
                span.error(),
                span.statusMessage(),
                span.attributes()));
        for (Row child : children.getOrDefault(span.spanId(), List.of())) {
            place(child, depth + 1, traceStart, children, into);
        }
    }

    /** Spans older than the retention go, every ten minutes. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public int prune() {
        return jdbc.sql("DELETE FROM spans WHERE start_time < :before")
                .param(
                        "before",
                        OffsetDateTime.ofInstant(clock.instant().minus(properties.traceRetention()), ZoneOffset.UTC))
                .update();
    }

    private record Row(
            String spanId,
            String parentSpanId,
            String service,
            String name,
            String kind,
            java.time.Instant start,
            long durationMicros,
            boolean error,
            String statusMessage,
            Map<String, String> attributes) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("span_id"),
                rs.getString("parent_span_id"),
                rs.getString("service"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getObject("start_time", OffsetDateTime.class).toInstant(),
                rs.getLong("duration_us"),
                rs.getBoolean("error"),
                rs.getString("status_message"),
                json.readValue(rs.getString("attributes"), new TypeReference<Map<String, String>>() {}));
    }
}
