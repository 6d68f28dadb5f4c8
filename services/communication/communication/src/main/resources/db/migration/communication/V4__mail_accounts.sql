-- An organisation's own mail server (distributed mode): its email leaves through its SMTP relay with its sender,
-- and replies come back to its IMAP mailbox. Passwords are sealed (AES-GCM, bound to the organisation and the
-- protocol); without a row the platform's configured mail server is used.
CREATE TABLE mail_account (
    organization_id      uuid        PRIMARY KEY,
    smtp_host            text        NOT NULL,
    smtp_port            int         NOT NULL,
    smtp_user            text,
    smtp_password_sealed bytea,
    from_address         text        NOT NULL,
    reply_to             text,
    imap_host            text,
    imap_port            int,
    imap_user            text,
    imap_password_sealed bytea,
    tls                  boolean     NOT NULL,
    updated_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_error           text,
    last_error_at        timestamptz
);
