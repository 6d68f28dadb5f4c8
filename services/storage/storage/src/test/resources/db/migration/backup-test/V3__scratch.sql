-- A table of diagnostics the backup leaves out (openhire.storage.backups.skip-tables): restored empty.
CREATE TABLE scratch (id bigserial PRIMARY KEY, note text);
