-- Requests about their data a candidate filed from the portal (privacy keeps the request itself; this is what lets
-- the portal list a candidate's own and refuse a second open one of a kind). The status, deadline and outcome are
-- as privacy last answered, so a request it no longer knows is still shown as it was.
CREATE TABLE portal_privacy_request (
    request_id      uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    candidate_id    uuid        NOT NULL REFERENCES candidate (id),
    type            text        NOT NULL,
    filed_at        timestamptz NOT NULL,
    status          text        NOT NULL,
    due_at          timestamptz,
    completed_at    timestamptz,
    resolution      text
);
CREATE INDEX portal_privacy_request_candidate ON portal_privacy_request (candidate_id, filed_at);
