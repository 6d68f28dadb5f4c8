-- The latest revision of each job as job-ingestion announced it (what POST /optimize {jobId} reviews).
CREATE TABLE job (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    revision        integer     NOT NULL,
    posting         jsonb       NOT NULL,  -- the job.ingested.v1 event
    received_at     timestamptz NOT NULL
);
CREATE INDEX job_org ON job (organization_id);

-- Optimisation reports with the extracted skills; the latest per job is what GET /optimized returns.
CREATE TABLE job_report (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    job_revision    integer     NOT NULL,
    score           integer     NOT NULL,
    report          jsonb       NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX job_report_latest ON job_report (organization_id, job_id, created_at DESC);
