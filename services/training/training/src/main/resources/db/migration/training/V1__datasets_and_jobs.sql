-- Training data and the jobs that train on it. Both are platform state (the models they make serve every
-- organisation), read and changed by platform operators only; organization_id is the organisation of the
-- operator who imported or started them.

CREATE TABLE dataset (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    task            text        NOT NULL,
    format          text        NOT NULL,
    -- content-addressed: the same file imported twice for a task is one dataset
    sha256          text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sentences       integer     NOT NULL,
    spans           integer     NOT NULL,
    labels          text[]      NOT NULL,
    licence         text        NOT NULL,
    source          text,
    content         bytea       NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT dataset_once UNIQUE (task, sha256)
);

CREATE TABLE training_job (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    task             text        NOT NULL,
    model_name       text        NOT NULL,
    description      text,
    dataset_ids      uuid[]      NOT NULL,
    dev_dataset_ids  uuid[]      NOT NULL,
    params           jsonb       NOT NULL,
    -- QUEUED, RUNNING, REGISTERING, SUCCEEDED, FAILED, CANCELLED
    status           text        NOT NULL,
    epoch            integer     NOT NULL DEFAULT 0,
    progress         jsonb       NOT NULL DEFAULT '[]',
    evaluation       jsonb,
    champion_version integer,
    champion         jsonb,
    -- the trained model between evaluation and registration (then the registry keeps it)
    artifact         bytea,
    model_version    integer,
    error            text,
    log              text        NOT NULL DEFAULT '',
    attempts         integer     NOT NULL DEFAULT 0,
    cancel_requested boolean     NOT NULL DEFAULT false,
    -- a RUNNING or REGISTERING job whose lease ran out lost its worker (a crash, a kill): it is taken again
    lease_until      timestamptz,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz
);

CREATE INDEX training_job_open ON training_job (created_at) WHERE status IN ('QUEUED', 'RUNNING', 'REGISTERING');
CREATE INDEX training_job_newest ON training_job (created_at DESC);
