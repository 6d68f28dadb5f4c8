-- One hash chain per organisation. The head says how many entries the chain has and the hash of the last, and is
-- locked while an entry is appended (entries of one organisation are appended one at a time, in order).
CREATE TABLE audit_chain (
    organization_id uuid    PRIMARY KEY,
    entries         bigint  NOT NULL,
    last_hash       text    NOT NULL
);

-- The entries. hash = SHA-256 of the entry's fields and previous_hash (AuditHashes): change a field, remove or
-- insert an entry, and GET /api/v1/logs/verify finds where.
CREATE TABLE audit_entry (
    organization_id uuid        NOT NULL,
    position        bigint      NOT NULL,
    id              uuid        NOT NULL UNIQUE,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    actor           text        NOT NULL,
    action          text        NOT NULL,
    resource_type   text        NOT NULL,
    resource_id     text,
    result          text        NOT NULL,
    ip              text,
    request_id      text,
    service         text        NOT NULL,
    previous_hash   text        NOT NULL,
    hash            text        NOT NULL,
    PRIMARY KEY (organization_id, position)
);
CREATE INDEX audit_entry_action ON audit_entry (organization_id, action, position DESC);
CREATE INDEX audit_entry_resource ON audit_entry (organization_id, resource_type, resource_id, position DESC);
CREATE INDEX audit_entry_actor ON audit_entry (organization_id, actor, position DESC);

-- Append-only: the service never changes or removes an entry, and the database refuses to, whoever asks. (Someone
-- who can drop this trigger can rewrite rows; the chain's verification is what shows that.)
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
