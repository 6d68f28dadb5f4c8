-- An email may carry a calendar object (iMIP, RFC 6047): the invitation, its update or its cancellation.
ALTER TABLE message ADD COLUMN calendar text;

-- Interviews a recruiter proposes: slots in an explicit time zone, booked by the candidate through a
-- tokenised public link (only its SHA-256 is kept). sequence counts the versions of the invitation (RFC 5545).
CREATE TABLE interview (
    id                uuid        PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    candidate_id      uuid        NOT NULL,
    job_id            uuid,
    title             text        NOT NULL,
    duration_minutes  integer     NOT NULL,
    time_zone         text        NOT NULL,
    location          text,
    status            text        NOT NULL,
    booking_token_sha text        NOT NULL UNIQUE,
    starts_at         timestamptz,
    sequence          integer     NOT NULL DEFAULT 0,
    candidate_name    text,
    candidate_email   text        NOT NULL,
    organizer_name    text,
    organizer_email   text        NOT NULL,
    cancel_reason     text,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX interview_candidate ON interview (organization_id, candidate_id);

CREATE TABLE interview_slot (
    interview_id uuid        NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    starts_at    timestamptz NOT NULL,
    PRIMARY KEY (interview_id, starts_at)
);

-- Reminders 24 h and 1 h before a booked interview: a persistent schedule, so a restart loses none.
CREATE TABLE interview_reminder (
    interview_id uuid        NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    due_at       timestamptz NOT NULL,
    sent_at      timestamptz,
    PRIMARY KEY (interview_id, kind)
);
CREATE INDEX interview_reminder_due ON interview_reminder (due_at) WHERE sent_at IS NULL;
