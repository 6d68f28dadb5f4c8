-- An organisation's pseudonyms: one per (type, value). The value is found by a keyed hash of its normalised form
-- (`lookup`) and kept sealed with AES-GCM so that an admin can reverse a pseudonym.
CREATE TABLE privacy_pseudonym (
    organization_id uuid        NOT NULL,
    entity_type     text        NOT NULL,
    lookup          text        NOT NULL,
    pseudonym       text        NOT NULL,
    sealed_value    bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, entity_type, lookup),
    UNIQUE (organization_id, pseudonym)
);
