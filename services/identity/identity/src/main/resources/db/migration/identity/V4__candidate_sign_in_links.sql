-- Candidates sign in to an organisation's candidate portal with a link sent to their address. One person can be a
-- candidate of several organisations (agencies), each its own account: a candidate's address is unique within its
-- organisation only. Staff and client addresses stay unique everywhere: they are login names.
DROP INDEX app_user_email;
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email)) WHERE role <> 'CANDIDATE';
CREATE UNIQUE INDEX app_user_candidate_email ON app_user (organization_id, lower(email)) WHERE role = 'CANDIDATE';

-- One-time sign-in links, stored hashed (SHA-256): a link signs in once, within its lifetime.
CREATE TABLE sign_in_link (
    token_hash      text        PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX sign_in_link_expires ON sign_in_link (expires_at);
