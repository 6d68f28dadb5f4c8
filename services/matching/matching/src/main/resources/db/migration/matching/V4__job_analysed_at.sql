-- When job-processing analysed the job (job.optimized.v1's occurredAt): one revision of a job is analysed again
-- when another skill tagger is promoted, and the newer analysis of the same revision replaces the older.
ALTER TABLE job ADD COLUMN analysed_at timestamptz;
