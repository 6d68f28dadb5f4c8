-- What a career site shows of a job (job.ingested.v1 carries it).
ALTER TABLE job ADD COLUMN description text;
ALTER TABLE job ADD COLUMN workplace text;
ALTER TABLE job ADD COLUMN employment_type text;
ALTER TABLE job ADD COLUMN posted_at timestamptz;

-- An organisation's privacy notice for applicants, versioned: a consent names the version it was given to.
CREATE TABLE privacy_notice (
    organization_id uuid        NOT NULL,
    version         integer     NOT NULL,
    text            text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, version)
);

-- Consents: to what, on which legal basis, to which text (version and its SHA-256), when, from where.
CREATE TABLE consent (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    purpose         text        NOT NULL,
    legal_basis     text        NOT NULL,
    notice_version  integer     NOT NULL,
    notice_sha256   text        NOT NULL,
    source          text        NOT NULL,
    given_at        timestamptz NOT NULL,
    withdrawn_at    timestamptz
);
CREATE INDEX consent_candidate ON consent (candidate_id);

-- The confirmation each applicant gets, written with the application and sent through communication until it
-- is accepted (its id is the Idempotency-Key: a retry is the same email).
CREATE TABLE applicant_confirmation (
    application_id  uuid        PRIMARY KEY REFERENCES application (id),
    organization_id uuid        NOT NULL,
    to_address      text        NOT NULL,
    job_title       text,
    applicant_name  text,
    attempts        integer     NOT NULL DEFAULT 0,
    due_at          timestamptz NOT NULL,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);
CREATE INDEX applicant_confirmation_due ON applicant_confirmation (due_at) WHERE sent_at IS NULL AND failed_at IS NULL;
