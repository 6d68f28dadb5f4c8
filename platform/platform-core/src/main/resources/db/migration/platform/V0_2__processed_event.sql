-- Idempotent consumers: an event id is recorded here in the same transaction as its effects, so a
-- redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
