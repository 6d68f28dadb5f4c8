-- Questions a job asks its applicants on the career site, in order; their answers are kept on the application.
CREATE TABLE job_question (
    organization_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    position        integer     NOT NULL,
    question        text        NOT NULL,
    required        boolean     NOT NULL,
    PRIMARY KEY (job_id, position)
);
ALTER TABLE application ADD COLUMN answers jsonb;
