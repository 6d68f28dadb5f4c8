package io.openhire.monitoring.traces;

import io.openhire.platform.monitoring.ErrorReport;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OTLP export request read into the spans monitoring keeps. What a span may carry is decided here: its name (a
 * route template or a topic, as Micrometer names them), its kind, timing and status, and only the attributes on
 * {@link #KEPT}, which are low-cardinality by design. A full URL, a query string, a header or a database statement
 * could hold personal data and is dropped.
 */
final class Spans {

    /** The attributes a span keeps: what Micrometer's HTTP, Kafka and JDBC observations tag, without values from users. */
    static final Set<String> KEPT = Set.of(
            "method",
            "uri",
            "status",
            "outcome",
            "exception",
            "client.name",
            "http.request.method",
            "http.route",
            "http.response.status_code",
            "error.type",
            "messaging.system",
            "messaging.destination.name",
            "messaging.operation",
            "spring.kafka.listener.id",
            "db.system",
            "db.operation");

    static final int MAX_VALUE = 200;

    /** One span, as stored. */
    record StoredSpan(
            String traceId,
            String spanId,
            String parentSpanId,
            String service,
            String name,
            String kind,
            Instant start,
            long durationMicros,
            boolean error,
            String statusMessage,
            Map<String, String> attributes) {}

    private Spans() {}

    static List<StoredSpan> read(ExportTraceServiceRequest request) {
        List<StoredSpan> spans = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = "unknown";
            for (KeyValue attribute : resource.getResource().getAttributesList()) {
                if (attribute.getKey().equals("service.name")) {
                    service = truncate(text(attribute.getValue()), 60);
                }
            }
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    if (span.getTraceId().size() != 16 || span.getSpanId().size() != 8) {
                        continue; // not a valid span (W3C ids): nothing to place it by
                    }
                    spans.add(stored(service, span));
                }
            }
        }
        return spans;
    }

    private static StoredSpan stored(String service, Span span) {
        HexFormat hex = HexFormat.of();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            if (KEPT.contains(attribute.getKey())) {
                attributes.put(attribute.getKey(), truncate(text(attribute.getValue()), MAX_VALUE));
            }
        }
        long start = span.getStartTimeUnixNano();
        long end = Math.max(start, span.getEndTimeUnixNano());
        boolean error = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
        return new StoredSpan(
                hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()),
                span.getParentSpanId().size() == 8
                        ? hex.formatHex(span.getParentSpanId().toByteArray())
                        : null,
                service,
                truncate(span.getName(), MAX_VALUE),
                span.getKind().name().replace("SPAN_KIND_", ""),
                Instant.ofEpochSecond(start / 1_000_000_000L, start % 1_000_000_000L),
                (end - start) / 1_000,
                error,
                error ? ErrorReport.scrub(span.getStatus().getMessage()) : null,
                attributes);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            default -> "";
        };
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
