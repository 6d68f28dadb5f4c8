-- Message templates of each organisation; saving one adds a version, messages keep the version they used.
CREATE TABLE message_template (
    id              uuid        NOT NULL,
    version         integer     NOT NULL,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    channel         text        NOT NULL,
    language        text        NOT NULL,
    kind            text        NOT NULL,
    subject         text,
    body            text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX message_template_org ON message_template (organization_id, id, version DESC);

-- Every message, either way. Outbound ones are the send queue: QUEUED rows whose next_attempt_at has come are
-- claimed (SENDING), sent and marked SENT in one transaction with the outbox event. rfc_message_id is the
-- email's Message-ID: a retry after a crash sends the same one, and replies find their thread through it.
CREATE TABLE message (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    candidate_id     uuid,
    job_id           uuid,
    direction        text        NOT NULL,
    channel          text        NOT NULL,
    kind             text        NOT NULL,
    from_address     text,
    to_address       text        NOT NULL,
    subject          text,
    body             text        NOT NULL,
    status           text        NOT NULL,
    status_reason    text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    rfc_message_id   text,
    in_reply_to      uuid,
    template_id      uuid,
    template_version integer,
    batch_id         uuid,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    read_at          timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX message_due ON message (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX message_sending ON message (updated_at) WHERE status = 'SENDING';
CREATE INDEX message_thread ON message (organization_id, candidate_id, created_at);
CREATE INDEX message_address ON message (organization_id, lower(to_address));
CREATE UNIQUE INDEX message_rfc_id ON message (rfc_message_id);

-- A send request by its Idempotency-Key: the same key again answers what the first request did.
CREATE TABLE send_request (
    organization_id uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    response        jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, idempotency_key)
);

-- Addresses (emails in lower case, phone numbers in E.164) the organisation must not write to: bounced for
-- good, complained, unsubscribed, STOP. It always wins over a send.
CREATE TABLE suppression (
    organization_id uuid        NOT NULL,
    address         text        NOT NULL,
    reason          text        NOT NULL,
    message_id      uuid,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, address)
);

-- Consent to marketing messages, as recorded (who, when, how); transactional messages need none.
CREATE TABLE marketing_consent (
    organization_id uuid        NOT NULL,
    address         text        NOT NULL,
    granted         boolean     NOT NULL,
    source          text        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (organization_id, address)
);
