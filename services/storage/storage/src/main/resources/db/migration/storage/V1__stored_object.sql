-- What is stored, per organisation. The bytes live in the object store (filesystem or S3), encrypted.
CREATE TABLE stored_object (
    organization_id uuid        NOT NULL,
    bucket          text        NOT NULL,
    object_key      text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sha256          text        NOT NULL,
    media_type      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, bucket, object_key)
);
