-- Transactional outbox (see docs/adr/0002-transactional-outbox.md). A service inserts its event here in
-- the same transaction as the change it describes; OutboxRelay publishes it to Kafka afterwards.
CREATE TABLE outbox_event (
    id              uuid        PRIMARY KEY,
    topic           text        NOT NULL,
    event_key       text        NOT NULL,
    event_type      text        NOT NULL,
    payload         text        NOT NULL,
    organization_id uuid,
    request_id      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

CREATE INDEX outbox_event_pending ON outbox_event (next_attempt_at, created_at) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
