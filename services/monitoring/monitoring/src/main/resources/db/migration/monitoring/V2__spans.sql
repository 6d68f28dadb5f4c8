-- Spans the services export over OTLP/HTTP (the all-in-one; in distributed mode they go to Jaeger), kept for
-- openhire.monitoring.trace-retention. Names are route templates and topics, attributes a short list of
-- low-cardinality keys: no personal data (see TraceReceiver).
CREATE TABLE spans (
    trace_id       text        NOT NULL,
    span_id        text        NOT NULL,
    parent_span_id text,
    service        text        NOT NULL,
    name           text        NOT NULL,
    kind           text        NOT NULL,
    start_time     timestamptz NOT NULL,
    duration_us    bigint      NOT NULL,
    error          boolean     NOT NULL,
    status_message text,
    attributes     jsonb       NOT NULL,
    PRIMARY KEY (trace_id, span_id)
);
CREATE INDEX spans_start ON spans (start_time DESC);
