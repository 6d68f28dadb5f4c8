-- What threat detection counts, from the audit stream: failed sign-ins (with the address) and resume downloads, one
-- row per audit entry (a redelivered entry is not counted twice). Kept for the longest window, then forgotten.
CREATE TABLE security_audit_signal (
    organization_id uuid        NOT NULL,
    entry_id        uuid        NOT NULL,
    signal          text        NOT NULL CHECK (signal IN ('SIGN_IN_FAILED', 'RESUME_DOWNLOADED')),
    actor           text        NOT NULL,
    ip              text,
    occurred_at     timestamptz NOT NULL,
    PRIMARY KEY (organization_id, entry_id)
);

CREATE INDEX security_audit_signal_by_ip ON security_audit_signal (organization_id, signal, ip, occurred_at);
CREATE INDEX security_audit_signal_by_actor ON security_audit_signal (organization_id, signal, actor, occurred_at);
CREATE INDEX security_audit_signal_age ON security_audit_signal (occurred_at);

-- Alerts, for the organisation's admins. subject is what an alert is about (ip:<address>, actor:<actor> or
-- entry:<id>): one alert per kind and subject per window.
CREATE TABLE security_threat (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    kind            text        NOT NULL
        CHECK (kind IN ('CREDENTIAL_STUFFING', 'BRUTE_FORCE', 'MASS_DOWNLOAD', 'PRIVILEGE_CHANGE')),
    subject         text        NOT NULL,
    actor           text,
    ip              text,
    detail          text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    raised_at       timestamptz NOT NULL
);

CREATE INDEX security_threat_latest ON security_threat (organization_id, occurred_at DESC);
CREATE INDEX security_threat_subject ON security_threat (organization_id, kind, subject, occurred_at);
