-- What matching knows of each parsed resume: the facts it ranks on (from resume.parsed.v1 and the
-- profile) and the text it searches, with names and contact details removed. Deleted on resume.deleted.v1.
CREATE TABLE candidate_resume (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL,
    revision        integer     NOT NULL,
    facts           jsonb       NOT NULL,
    search_text     text        NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX candidate_resume_org ON candidate_resume (organization_id);
CREATE INDEX candidate_resume_candidate ON candidate_resume (organization_id, candidate_id);

-- Who each candidate is, kept apart from what is ranked on: shown unless the job is blind, or when revealed.
CREATE TABLE candidate_identity (
    resume_id       uuid        PRIMARY KEY REFERENCES candidate_resume (resume_id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL,
    name            text,
    emails          jsonb       NOT NULL,
    phones          jsonb       NOT NULL
);

-- Resumes deleted (ids only), so that a late resume.parsed.v1 does not bring one back.
CREATE TABLE deleted_resume (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    deleted_at      timestamptz NOT NULL
);

-- Jobs: the analysis from job.optimized.v1 and the posting's text from job.ingested.v1 (either may come first).
CREATE TABLE job (
    job_id            uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    analysis_revision integer,
    facts             jsonb,
    text_revision     integer,
    description       text,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX job_org ON job (organization_id);

-- Vectors per text-embedding version, so that a rebuild or restart does not embed everything again.
CREATE TABLE embedding (
    kind            text        NOT NULL,   -- RESUME or JOB
    id              uuid        NOT NULL,
    model_version   integer     NOT NULL,
    organization_id uuid        NOT NULL,
    text_sha256     text        NOT NULL,
    vector          bytea       NOT NULL,
    PRIMARY KEY (kind, id, model_version)
);

-- Blind mode and weights: one row per organisation (job_id NULL) and per job that overrides it.
CREATE TABLE match_setting (
    organization_id uuid        NOT NULL,
    job_id          uuid,
    blind           boolean,
    weights         jsonb,
    updated_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX match_setting_scope ON match_setting (organization_id, COALESCE(job_id, '00000000-0000-0000-0000-000000000000'));

-- Every list of matches shown, and what each line said, so that feedback joins to what the recruiter saw.
CREATE TABLE match_run (
    id                uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    direction         text        NOT NULL,   -- JOB_TO_CANDIDATES or CANDIDATE_TO_JOBS
    subject_id        uuid        NOT NULL,
    mode              text        NOT NULL,
    ranker_version    integer,
    embedding_version integer,
    weights           jsonb       NOT NULL,
    blind             boolean     NOT NULL,
    requested_by      text        NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE TABLE match_shown (
    run_id          uuid        NOT NULL REFERENCES match_run (id) ON DELETE CASCADE,
    rank            integer     NOT NULL,
    organization_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    candidate_id    uuid        NOT NULL,
    resume_id       uuid        NOT NULL,
    score           double precision NOT NULL,
    features        jsonb       NOT NULL,
    PRIMARY KEY (run_id, rank)
);
CREATE INDEX match_shown_pair ON match_shown (organization_id, job_id, candidate_id);

CREATE TABLE match_feedback (
    id                uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    job_id            uuid        NOT NULL,
    candidate_id      uuid        NOT NULL,
    resume_id         uuid        NOT NULL,
    outcome           text        NOT NULL,
    reason            text,
    run_id            uuid,
    rank              integer,
    score             double precision NOT NULL,
    features          jsonb       NOT NULL,
    ranker_version    integer,
    embedding_version integer,
    actor             text        NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX match_feedback_job ON match_feedback (organization_id, job_id, created_at DESC);

CREATE TABLE candidate_reveal (
    organization_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    candidate_id    uuid        NOT NULL,
    revealed_by     text        NOT NULL,
    revealed_at     timestamptz NOT NULL,
    PRIMARY KEY (organization_id, job_id, candidate_id)
);
