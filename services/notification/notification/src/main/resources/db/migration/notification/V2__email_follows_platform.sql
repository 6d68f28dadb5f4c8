-- A notice for everyone on the platform (a model promoted) has no organisation.
ALTER TABLE notification ALTER COLUMN organization_id DROP NOT NULL;

-- Per person and type: in the app (in_app), and by email: OFF, INSTANT or DAILY.
ALTER TABLE notification_setting ADD COLUMN email text NOT NULL DEFAULT 'OFF';

-- The people who changed a setting or follow a job: where their emails go (their address at sign-in, read when
-- they last saved their settings), the score from which a strong match is worth telling them, and how far their
-- instant and daily emails have got (notifications created up to then were considered).
CREATE TABLE notification_person (
    user_id            uuid        PRIMARY KEY,
    organization_id    uuid        NOT NULL,
    email              text,
    strong_match_score numeric(5, 2),
    instant_up_to      timestamptz NOT NULL,
    daily_up_to        timestamptz NOT NULL,
    daily_sent_on      date
);

-- Jobs a person follows (new strong matches are notified to them).
CREATE TABLE job_follow (
    user_id         uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    job_id          uuid        NOT NULL,
    title           text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, job_id)
);
CREATE INDEX job_follow_job ON job_follow (organization_id, job_id);

-- Emails composed for people (instant or daily), written in the transaction that moves their watermark, and
-- handed to communication until it accepts them (the id is the Idempotency-Key: a retry is never a second email)
-- or refuses them for good (failed_at, e.g. a suppressed address).
CREATE TABLE notification_email (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    to_address      text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    message_id      uuid,
    sent_at         timestamptz,
    failed_at       timestamptz
);
CREATE INDEX notification_email_pending ON notification_email (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;
