-- Which skill tagger (model-registry's version of skill-extraction) read each job's latest review: when an
-- operator promotes or rolls back to another model, the jobs another one read are reviewed again. NULL: the
-- shipped tagger, read before the registry was asked.
ALTER TABLE job ADD COLUMN tagger_version integer;
-- The version a job was last queued for, so that a change heard by several instances queues it once.
ALTER TABLE job ADD COLUMN review_for_tagger integer;
