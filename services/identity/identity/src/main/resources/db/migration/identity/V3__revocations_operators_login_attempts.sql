-- Platform operators run the platform itself (shared ML models, caches, every organisation's index).
-- Granted by configuration (openhire.identity.platform-operators) or by another operator, never by sign-up.
ALTER TABLE app_user ADD COLUMN platform_operator boolean NOT NULL DEFAULT false;

-- Subjects (user ids, API key ids) whose access tokens stop working before they expire: tokens issued at
-- or before not_before are refused. Published hashed at /.well-known/revocations for every service.
CREATE TABLE revoked_subject (
    subject    text        PRIMARY KEY,
    not_before timestamptz NOT NULL
);
CREATE INDEX revoked_subject_not_before ON revoked_subject (not_before);

-- Failed logins for addresses that have no account, so that they lock exactly like real accounts do and
-- the answers do not tell which addresses exist. Keyed by the SHA-256 of the lower-cased address.
CREATE TABLE login_attempt (
    email_hash    text        PRIMARY KEY,
    failed_logins integer     NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
