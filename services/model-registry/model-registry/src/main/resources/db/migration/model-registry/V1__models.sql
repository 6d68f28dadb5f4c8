-- Registered models: platform-wide (they serve every organisation), changed only by ADMINs and services.
CREATE TABLE registered_model (
    name            text        PRIMARY KEY,
    task            text        NOT NULL,
    description     text,
    -- [{metric, min?, max?}]: a version must meet every gate to become champion.
    promotion_gates jsonb       NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE model_version (
    model_name       text        NOT NULL REFERENCES registered_model (name),
    version          integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    status_reason    text,
    format           text        NOT NULL,
    -- The artifact is kept in storage (platform organisation, bucket "models") in parts of part_size bytes.
    artifact_sha256  text        NOT NULL,
    artifact_size    bigint      NOT NULL,
    part_size        integer     NOT NULL,
    tokenizer_sha256 text,
    tokenizer_size   bigint,
    signature        jsonb       NOT NULL,  -- inputs and outputs, read from the model itself
    config           jsonb       NOT NULL,  -- how to run it: pooling, maxTokens, dimensions
    metrics          jsonb       NOT NULL DEFAULT '{}',
    tags             jsonb       NOT NULL DEFAULT '{}',
    description      text,
    source           text,                  -- where it came from, e.g. a Maven artifact
    training_run     text,
    dataset_sha256   text,
    parent_version   integer,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (model_name, version)
);
CREATE INDEX model_version_source ON model_version (source);

CREATE TABLE model_alias (
    model_name text        NOT NULL,
    alias      text        NOT NULL,
    version    integer     NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (model_name, alias),
    FOREIGN KEY (model_name, version) REFERENCES model_version (model_name, version)
);

-- Every move of every alias, never updated: which version served under which alias at any moment.
CREATE TABLE alias_change (
    id               bigserial   PRIMARY KEY,
    model_name       text        NOT NULL,
    alias            text        NOT NULL,
    version          integer     NOT NULL,
    previous_version integer,
    action           text        NOT NULL CHECK (action IN ('PROMOTE', 'ROLLBACK')),
    actor            text        NOT NULL,
    reason           text,
    changed_at       timestamptz NOT NULL
);
CREATE INDEX alias_change_by_alias ON alias_change (model_name, alias, changed_at DESC, id DESC);
