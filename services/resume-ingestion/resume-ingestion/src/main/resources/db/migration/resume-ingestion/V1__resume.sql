-- Resumes handed to OpenHire, one row per distinct file per organisation.
CREATE TABLE resume (
    id                uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    status            text        NOT NULL,  -- RECEIVED, PARSED, FAILED, NEEDS_OCR
    status_reason     text,
    status_revision   integer     NOT NULL DEFAULT 0,  -- resume-processing's revision last applied
    source            text        NOT NULL,  -- UPLOAD, EMAIL, API, or what the uploader named
    file_name         text,
    media_type        text        NOT NULL,
    size_bytes        bigint      NOT NULL,
    sha256            text        NOT NULL,
    object_key        text        NOT NULL,  -- in storage's "resumes" bucket, inside the organisation
    candidate_email   text,
    job_id            uuid,
    uploaded_by       text        NOT NULL,  -- the token subject (user, API key or mailbox)
    mailbox_id        uuid,
    received_at       timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL
);
-- The same file twice in one organisation is one resume.
CREATE UNIQUE INDEX resume_org_sha256 ON resume (organization_id, sha256);
CREATE INDEX resume_org_received ON resume (organization_id, received_at DESC, id);

-- IMAP mailboxes polled for resumes, per organisation. The password is AES-GCM sealed.
CREATE TABLE mailbox (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    host             text        NOT NULL,
    port             integer     NOT NULL,
    tls              boolean     NOT NULL,
    username         text        NOT NULL,
    password_sealed  bytea       NOT NULL,
    folder           text        NOT NULL,
    enabled          boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,           -- one poller at a time, even with several instances
    last_polled_at   timestamptz,
    last_success_at  timestamptz,
    last_error       text,
    resumes_received bigint      NOT NULL DEFAULT 0
);
CREATE INDEX mailbox_org ON mailbox (organization_id);

-- Messages whose resumes are durably stored; a message is flagged \Seen only after its row is here.
CREATE TABLE mailbox_message (
    mailbox_id   uuid        NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    message_key  text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    resumes      integer     NOT NULL,
    PRIMARY KEY (mailbox_id, message_key)
);
