CREATE TABLE organization (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id                    uuid        PRIMARY KEY,
    organization_id       uuid        NOT NULL REFERENCES organization (id),
    email                 text        NOT NULL,
    name                  text        NOT NULL,
    role                  text        NOT NULL CHECK (role IN ('ADMIN', 'RECRUITER', 'CLIENT', 'CANDIDATE')),
    status                text        NOT NULL CHECK (status IN ('ACTIVE', 'INVITED', 'DISABLED')),
    password_hash         text,
    title                 text,
    phone                 text,
    locale                text,
    time_zone             text,
    failed_logins         integer     NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    invitation_hash       text UNIQUE,
    invitation_expires_at timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
-- Email is the login name, so it is unique across organisations.
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));
CREATE INDEX app_user_organization ON app_user (organization_id, created_at);

-- Opaque refresh tokens, stored hashed. Each use rotates the token; reusing a rotated one revokes the family.
CREATE TABLE refresh_token (
    id              uuid        PRIMARY KEY,
    token_hash      text        NOT NULL UNIQUE,
    family_id       uuid        NOT NULL,
    user_id         uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

-- Machine clients. The key itself is shown once; only its SHA-256 is kept.
CREATE TABLE api_key (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    name            text        NOT NULL,
    key_hash        text        NOT NULL UNIQUE,
    roles           text        NOT NULL,
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX api_key_organization ON api_key (organization_id);

-- RS256 signing keys. The newest unretired key signs; retired keys stay in the JWKS until the tokens
-- they signed have expired. Private keys are encrypted with the master key (AES-GCM).
CREATE TABLE signing_key (
    kid         text        PRIMARY KEY,
    public_jwk  text        NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);
