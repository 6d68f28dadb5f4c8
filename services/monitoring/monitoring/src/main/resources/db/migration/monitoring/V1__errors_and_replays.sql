-- Errors reported by the services and the dashboard's pages, one row per kind of error (the fingerprint:
-- service, source, type and top frames), counted. Platform records: they hold no personal data (messages are
-- scrubbed, operations are route patterns); which organisations an error happened to is in the table below.
CREATE TABLE error_groups (
    id              uuid PRIMARY KEY,
    fingerprint     text        NOT NULL UNIQUE,
    service         text        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('request', 'listener', 'browser')),
    type            text        NOT NULL,
    message         text,
    frames          jsonb       NOT NULL,
    operation       text,
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    occurrences     bigint      NOT NULL,
    last_trace_id   text,
    last_request_id text,
    status          text        NOT NULL CHECK (status IN ('open', 'resolved', 'reopened')),
    resolved_at     timestamptz,
    resolved_by     text
);
CREATE INDEX error_groups_last_seen ON error_groups (last_seen DESC);

-- Which organisations an error happened to (the reporter's token says which), and how often.
CREATE TABLE error_group_organizations (
    group_id        uuid        NOT NULL REFERENCES error_groups (id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL,
    first_seen      timestamptz NOT NULL,
    occurrences     bigint      NOT NULL,
    PRIMARY KEY (group_id, organization_id)
);
CREATE INDEX error_group_organizations_first_seen ON error_group_organizations (organization_id, first_seen);

-- Every replay of a dead-lettered record: once per record (the primary key), who did it and where it went.
CREATE TABLE dead_letter_replays (
    topic           text        NOT NULL,
    partition_no    int         NOT NULL,
    offset_no       bigint      NOT NULL,
    original_topic  text        NOT NULL,
    replayed_at     timestamptz NOT NULL,
    replayed_by     text        NOT NULL,
    new_partition   int,
    new_offset      bigint,
    PRIMARY KEY (topic, partition_no, offset_no)
);
