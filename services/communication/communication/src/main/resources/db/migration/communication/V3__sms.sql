-- The SMS provider's id of a sent SMS: its status callbacks name it.
ALTER TABLE message ADD COLUMN provider_id text;
CREATE UNIQUE INDEX message_provider_id ON message (provider_id);
