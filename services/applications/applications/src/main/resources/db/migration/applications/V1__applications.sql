-- Jobs as job-ingestion announces them (job.ingested.v1): what a board is headed with and what may be applied to.
CREATE TABLE job (
    job_id          uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    revision        integer     NOT NULL,
    status          text        NOT NULL,   -- OPEN or CLOSED
    title           text,
    employer        text,
    location        text,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX job_org ON job (organization_id, status);

-- An organisation's stages, in order. Created with the defaults the first time the organisation needs them;
-- a stage that held applications is retired rather than deleted, so that history still names it.
CREATE TABLE stage (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    category        text        NOT NULL,   -- StageCategory
    position        integer     NOT NULL,
    retired         boolean     NOT NULL DEFAULT false
);
CREATE INDEX stage_org ON stage (organization_id, position);
CREATE UNIQUE INDEX stage_name ON stage (organization_id, lower(name)) WHERE NOT retired;

CREATE TABLE rejection_reason (
    organization_id uuid        NOT NULL,
    position        integer     NOT NULL,
    reason          text        NOT NULL,
    PRIMARY KEY (organization_id, position)
);

-- A person, one record across their resumes. The id is the one matching gives the person (the first email
-- address within the organisation; a resume without one is a person of its own), so that both services name
-- the same person alike. The editable fields hold what is shown: a person's correction, else the value the
-- parser found in the person's newest resume (candidate_resume.parsed); skills and titles gather every resume's.
CREATE TABLE candidate (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text,
    email           text,
    phone           text,
    location        text,
    headline        text,
    current_title   text,
    skills          text[]      NOT NULL DEFAULT '{}',
    skill_keys      text[]      NOT NULL DEFAULT '{}',   -- the skills in lower case, for the skill filter
    titles          text[]      NOT NULL DEFAULT '{}',
    search          tsvector    NOT NULL DEFAULT ''::tsvector,
    merged_into     uuid,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX candidate_org ON candidate (organization_id, updated_at DESC) WHERE merged_into IS NULL;
CREATE INDEX candidate_search ON candidate USING gin (search);
CREATE INDEX candidate_skills ON candidate USING gin (skill_keys);
CREATE INDEX candidate_email ON candidate (organization_id, lower(email));

-- Which person each resume belongs to, and what its latest parse found (the editable fields in parsed, skills
-- and titles). pinned: set by a merge or a split, which a re-parse does not undo.
CREATE TABLE candidate_resume (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    revision        integer     NOT NULL,
    parsed          jsonb       NOT NULL,
    skills          text[]      NOT NULL,
    titles          text[]      NOT NULL,
    pinned          boolean     NOT NULL DEFAULT false,
    parsed_at       timestamptz NOT NULL
);
CREATE INDEX candidate_resume_candidate ON candidate_resume (candidate_id);

-- Resumes deleted (ids only), so that a late resume.parsed.v1 does not bring one back.
CREATE TABLE deleted_resume (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    deleted_at      timestamptz NOT NULL
);

-- People's corrections of parsed fields, every one kept: they are labelled examples for the parser's training.
CREATE TABLE candidate_correction (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    resume_id       uuid,
    field           text        NOT NULL,
    parsed_value    text,
    corrected_value text,
    actor           text        NOT NULL,
    corrected_at    timestamptz NOT NULL
);
CREATE INDEX candidate_correction_candidate ON candidate_correction (candidate_id, field, corrected_at DESC);

CREATE TABLE candidate_tag (
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    organization_id uuid        NOT NULL,
    tag             text        NOT NULL,
    PRIMARY KEY (candidate_id, tag)
);
CREATE INDEX candidate_tag_org ON candidate_tag (organization_id, tag);

-- A candidate × job, in one stage at a time.
CREATE TABLE application (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    candidate_id     uuid        NOT NULL REFERENCES candidate (id),
    job_id           uuid        NOT NULL,
    resume_id        uuid,
    source           text        NOT NULL,
    source_detail    text,
    stage_id         uuid        NOT NULL REFERENCES stage (id),
    stage_entered_at timestamptz NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    UNIQUE (organization_id, candidate_id, job_id)
);
CREATE INDEX application_job ON application (organization_id, job_id, stage_id);
CREATE INDEX application_candidate ON application (candidate_id);

-- Every move: who, when, from, to, why. An undo is a move of its own that names the move it takes back.
CREATE TABLE stage_change (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    application_id  uuid        NOT NULL REFERENCES application (id),
    from_stage_id   uuid        REFERENCES stage (id),
    to_stage_id     uuid        NOT NULL REFERENCES stage (id),
    reason          text,
    undoes          uuid        REFERENCES stage_change (id),
    actor           text        NOT NULL,
    changed_at      timestamptz NOT NULL
);
CREATE INDEX stage_change_application ON stage_change (application_id, changed_at DESC);

CREATE TABLE note (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    application_id  uuid        REFERENCES application (id),
    body            text        NOT NULL,
    mentions        uuid[]      NOT NULL DEFAULT '{}',
    author          text        NOT NULL,
    author_name     text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX note_candidate ON note (candidate_id, created_at DESC);

-- A person's saved candidate searches.
CREATE TABLE saved_search (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    name            text        NOT NULL,
    query           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (user_id, name)
);
