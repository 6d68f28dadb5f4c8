-- Each organisation's data keys, versioned, stored only wrapped by the key-encryption key (kek_id names which one).
-- The ACTIVE version encrypts; every version decrypts what it encrypted. Rotating retires the active version and adds
-- the next; nothing is ever deleted, so old ciphertexts keep decrypting.
CREATE TABLE security_data_key (
    organization_id uuid        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    wrapped_key     bytea       NOT NULL,
    kek_id          text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('ACTIVE', 'RETIRED')),
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz,
    PRIMARY KEY (organization_id, version),
    CHECK ((state = 'RETIRED') = (retired_at IS NOT NULL))
);

-- One active key per organisation, whatever two requests do at the same moment.
CREATE UNIQUE INDEX security_data_key_one_active ON security_data_key (organization_id) WHERE state = 'ACTIVE';

-- The re-wrap job looks for keys wrapped by a key-encryption key that is no longer the current one.
CREATE INDEX security_data_key_kek ON security_data_key (kek_id);

-- Tokens for field values: the token is an HMAC of field and value under the organisation's token key, the value is
-- kept sealed (an envelope ciphertext under the organisation's data key, bound to the token) for detokenize.
CREATE TABLE security_token (
    organization_id uuid        NOT NULL,
    token           text        NOT NULL,
    field           text        NOT NULL,
    sealed_value    text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, token)
);
