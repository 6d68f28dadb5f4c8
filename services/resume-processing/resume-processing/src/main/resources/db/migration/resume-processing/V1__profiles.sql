-- The resumes resume-processing has been told about (from resume.received.v1): where the original is.
CREATE TABLE resume_document (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    bucket          text        NOT NULL,
    object_key      text        NOT NULL,
    media_type      text        NOT NULL,
    sha256          text        NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX resume_document_org ON resume_document (organization_id);

-- The latest parse of each resume. The text stays here (it is what ATS reports and evidence are
-- computed from) and never goes into events.
CREATE TABLE resume_profile (
    resume_id        uuid        PRIMARY KEY REFERENCES resume_document (resume_id),
    organization_id  uuid        NOT NULL,
    status           text        NOT NULL,  -- PARSED, FAILED, NEEDS_OCR
    reason           text,
    revision         integer     NOT NULL,
    parser_version   text        NOT NULL,
    taxonomy_version text,
    profile          jsonb,
    text             text,
    parse_millis     integer     NOT NULL,
    parsed_at        timestamptz NOT NULL
);
CREATE INDEX resume_profile_org_version ON resume_profile (organization_id, parser_version);

-- ATS-style reports of a resume against a job; the latest per resume is what GET /optimized returns.
CREATE TABLE ats_report (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    resume_id       uuid        NOT NULL REFERENCES resume_document (resume_id),
    job_id          uuid,
    job_title       text,
    score           integer     NOT NULL,
    report          jsonb       NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX ats_report_resume ON ats_report (organization_id, resume_id, created_at DESC);
