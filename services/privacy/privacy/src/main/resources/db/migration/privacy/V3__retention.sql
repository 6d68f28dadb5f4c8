-- An organisation's retention rule, and each of its runs (the report an admin reads).
CREATE TABLE privacy_retention_rule (
    organization_id     uuid        PRIMARY KEY,
    inactive_months     integer     NOT NULL CHECK (inactive_months BETWEEN 6 AND 120),
    enabled             boolean     NOT NULL,
    updated_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_run_started_at timestamptz -- a run claims the rule by moving this on: two instances never run it at once
);

CREATE TABLE privacy_retention_run (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    trigger         text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'ADMIN')),
    cutoff          timestamptz NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    candidates      integer     NOT NULL DEFAULT 0,
    requests_filed  integer     NOT NULL DEFAULT 0,
    already_open    integer     NOT NULL DEFAULT 0,
    problem         text
);
CREATE INDEX privacy_retention_run_recent ON privacy_retention_run (organization_id, started_at DESC);
