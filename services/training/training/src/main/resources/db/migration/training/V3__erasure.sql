-- Data-subject erasures reach the datasets (they can hold real people's resumes): a dataset's file is written again
-- without the person's items (resumes, sentences), keeping the dataset's id so that the jobs naming it still do.
-- The dataset keeps how many items erasures took out and when, never whose.
ALTER TABLE dataset ADD COLUMN erased_items integer NOT NULL DEFAULT 0,
                    ADD COLUMN erased_at timestamptz;

-- A file written again may be byte for byte another dataset's (the same data with and without one person's sentence):
-- both stay, each with its id, its jobs and its own history. Only datasets as imported are unique by content, so an
-- import of a file that is already one finds it.
ALTER TABLE dataset DROP CONSTRAINT dataset_once;
CREATE UNIQUE INDEX dataset_once ON dataset (task, sha256) WHERE erased_at IS NULL;

-- A model trained on data an erasure later took out may still hold it (a CRF keeps weights per word): the job that
-- trained it says why it should be trained again, and since when. Its model is the job's model_name and model_version.
ALTER TABLE training_job ADD COLUMN retrain_reason text,
                         ADD COLUMN retrain_requested_at timestamptz;
