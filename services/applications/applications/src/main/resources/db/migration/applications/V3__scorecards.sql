-- What a job's interviewers rate, in order (a job without rows rates the defaults).
CREATE TABLE job_criterion (
    organization_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    position        integer     NOT NULL,
    criterion       text        NOT NULL,
    PRIMARY KEY (job_id, position)
);

-- One person's scorecard of an application in one stage: a rating 1–4 per criterion, an overall 1–4, a comment.
-- Sent again, it replaces that person's card for that stage.
CREATE TABLE scorecard (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    application_id  uuid        NOT NULL REFERENCES application (id),
    stage_id        uuid        NOT NULL REFERENCES stage (id),
    author          text        NOT NULL,
    author_name     text,
    ratings         jsonb       NOT NULL,
    overall         integer     NOT NULL CHECK (overall BETWEEN 1 AND 4),
    comment         text,
    updated_at      timestamptz NOT NULL,
    UNIQUE (application_id, stage_id, author)
);
CREATE INDEX scorecard_application ON scorecard (application_id);
