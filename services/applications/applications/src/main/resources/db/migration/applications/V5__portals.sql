-- The candidate portal: a candidate's sign-in account (identity's user, role CANDIDATE) and the record it opens.
CREATE TABLE portal_account (
    user_id         uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    created_at      timestamptz NOT NULL
);
CREATE INDEX portal_account_candidate ON portal_account (candidate_id);

-- A candidate asked for a sign-in link: written with the request (so none is lost to a crash), mailed by a
-- scheduled sender that asks identity for the link at sending time (the secret is never stored here).
CREATE TABLE sign_in_request (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    to_address      text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);
CREATE INDEX sign_in_request_due ON sign_in_request (due_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX sign_in_request_candidate ON sign_in_request (candidate_id, requested_at);

-- Client companies (an agency's hiring clients), their CLIENT users, and the jobs run for them.
CREATE TABLE client_company (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX client_company_name ON client_company (organization_id, lower(name));

CREATE TABLE client_member (
    user_id           uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    client_company_id uuid        NOT NULL REFERENCES client_company (id) ON DELETE CASCADE,
    name              text,
    added_at          timestamptz NOT NULL
);
CREATE INDEX client_member_company ON client_member (client_company_id);

CREATE TABLE job_client (
    job_id            uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    client_company_id uuid        NOT NULL REFERENCES client_company (id) ON DELETE CASCADE
);
CREATE INDEX job_client_company ON job_client (client_company_id);

-- Applications a recruiter shared with the job's client: blind (no name, no contact) unless revealed. A share is
-- for the client it was given to: a job run for another client later does not show it to the new one.
CREATE TABLE shortlist_share (
    application_id    uuid        PRIMARY KEY REFERENCES application (id),
    organization_id   uuid        NOT NULL,
    job_id            uuid        NOT NULL,
    client_company_id uuid        NOT NULL REFERENCES client_company (id) ON DELETE CASCADE,
    revealed        boolean     NOT NULL DEFAULT false,
    shared_by       text        NOT NULL,
    shared_at       timestamptz NOT NULL
);
CREATE INDEX shortlist_share_job ON shortlist_share (job_id, shared_at);

-- What the client said about a shared candidate.
CREATE TABLE client_feedback (
    id                  uuid        PRIMARY KEY,
    organization_id     uuid        NOT NULL,
    application_id      uuid        NOT NULL REFERENCES application (id),
    user_id             uuid        NOT NULL,
    author_name         text,
    verdict             text        CHECK (verdict IN ('UP', 'DOWN')),
    comment             text,
    interview_requested boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL
);
CREATE INDEX client_feedback_application ON client_feedback (application_id, created_at);
