-- A migration that seeds a row: the restore must not keep it next to the backup's rows.
INSERT INTO client (name) VALUES ('seeded by a migration');
