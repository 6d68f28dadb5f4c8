-- Resumes deleted in resume-ingestion (resume.deleted.v1). Kept as ids only, so that a
-- resume.received.v1 or re-parse that arrives after the deletion does not bring the resume back.
CREATE TABLE deleted_resume (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    deleted_at      timestamptz NOT NULL
);
