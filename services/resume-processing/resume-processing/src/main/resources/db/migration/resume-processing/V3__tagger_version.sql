-- Which resume tagger (model-registry's version of resume-fields) read each profile: when an operator promotes or
-- rolls back to another model, the resumes another one read are parsed again. NULL: the shipped tagger, read
-- before the registry was asked, or a resume with no text.
ALTER TABLE resume_profile ADD COLUMN tagger_version integer;
-- The version a resume was last queued for, so that a change heard by several instances queues it once.
ALTER TABLE resume_profile ADD COLUMN reparse_for_tagger integer;
