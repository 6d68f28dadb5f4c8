-- Audit entries are kept for their own retention (openhire.audit.retention), separately from the data they are
-- about. A prune removes an organisation's oldest entries and keeps, in the chain's head, how far it went and the
-- hash of the last entry removed: the anchor the first kept entry's previous hash must match, so verification
-- still proves everything after it.
ALTER TABLE audit_chain ADD COLUMN pruned_through bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_chain ADD COLUMN pruned_hash    text;

-- Entries are never changed; they are removed only by the retention prune, which says so for its transaction
-- (SET LOCAL openhire.audit_prune = 'on'), and only from the start of the chain (the prune deletes in order).
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('openhire.audit_prune', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
