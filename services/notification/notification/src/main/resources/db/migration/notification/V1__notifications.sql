-- Notifications of an organisation: for one person (user_id) or for all its staff (user_id NULL). Each person's
-- read state is a row of its own; pruned after the retention period.
CREATE TABLE notification (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    user_id         uuid,
    type            text        NOT NULL,
    title           text        NOT NULL,
    body            text,
    link            text,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX notification_org ON notification (organization_id, created_at DESC);

CREATE TABLE notification_read (
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, user_id)
);

-- What each person wants in the app, per type; a type without a row is on.
CREATE TABLE notification_setting (
    organization_id uuid    NOT NULL,
    user_id         uuid    NOT NULL,
    type            text    NOT NULL,
    in_app          boolean NOT NULL,
    PRIMARY KEY (user_id, type)
);
