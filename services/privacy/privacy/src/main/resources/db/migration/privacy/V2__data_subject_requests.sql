-- A person's request to an organisation (GDPR art. 15-18): what they asked, by when it must be answered, and its
-- proof. Who the person is travels sealed (AES-GCM under the service key) and only while the request is open;
-- what stays afterwards names no one: a keyed hash of their email (the same person's requests can be told apart
-- from others'), a half-masked address for the admins' list, and each service's answer.
CREATE TABLE privacy_request (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    type            text        NOT NULL CHECK (type IN ('ACCESS', 'ERASURE', 'RECTIFICATION', 'RESTRICTION')),
    status          text        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED', 'REJECTED')),
    subject_sealed  bytea,
    subject_hash    text        NOT NULL,
    subject_label   text        NOT NULL,
    source          text        NOT NULL,
    requested_by    text        NOT NULL,
    resolution      text,
    received_at     timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    completed_at    timestamptz
);
CREATE INDEX privacy_request_recent ON privacy_request (organization_id, received_at DESC);

-- One participating service's answer. For ACCESS its data and files, sealed, until the export is purged.
CREATE TABLE privacy_request_answer (
    request_id    uuid        NOT NULL REFERENCES privacy_request (id) ON DELETE CASCADE,
    service       text        NOT NULL,
    records       integer     NOT NULL,
    remaining     integer     NOT NULL,
    export_sealed bytea,
    answered_at   timestamptz NOT NULL,
    PRIMARY KEY (request_id, service)
);
