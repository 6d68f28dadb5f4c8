-- New resumes whose strong matches are still to be announced (match.strong-match-found.v1). A row is written
-- with the resume, in the transaction that stores it, and deleted with the announcement: a restart loses none.
CREATE TABLE strong_match_check (
    resume_id       uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    stored_at       timestamptz NOT NULL,
    due_at          timestamptz NOT NULL
);
CREATE INDEX strong_match_check_due ON strong_match_check (due_at);
