-- An organisation's alert rules: more than `threshold` entries of `action` by one actor within `window_minutes`.
CREATE TABLE audit_alert_rule (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    action          text        NOT NULL,
    threshold       integer     NOT NULL CHECK (threshold > 0),
    window_minutes  integer     NOT NULL CHECK (window_minutes > 0),
    created_by      text        NOT NULL,
    notify_user     uuid,       -- the admin who set it, who is told (null: an API key set it)
    created_at      timestamptz NOT NULL
);
CREATE INDEX audit_alert_rule_action ON audit_alert_rule (organization_id, action);

-- Alerts raised: once per rule and actor per window (an alert covers the entries up to `last_occurred_at`).
CREATE TABLE audit_alert (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    rule_id          uuid        NOT NULL REFERENCES audit_alert_rule (id) ON DELETE CASCADE,
    rule_name        text        NOT NULL,
    actor            text        NOT NULL,
    action           text        NOT NULL,
    entries          integer     NOT NULL,
    last_position    bigint      NOT NULL,
    last_occurred_at timestamptz NOT NULL,
    raised_at        timestamptz NOT NULL
);
CREATE INDEX audit_alert_recent ON audit_alert (organization_id, raised_at DESC);
CREATE INDEX audit_alert_rule_actor ON audit_alert (rule_id, actor, last_occurred_at DESC);
