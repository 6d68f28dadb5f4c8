-- The comparison with the champion is made on the held-out items the champion never trained on: both models'
-- scores there, and how many items that was. It replaces the champion's score on every held-out item.
ALTER TABLE training_job ADD COLUMN comparison jsonb;
ALTER TABLE training_job DROP COLUMN champion_version, DROP COLUMN champion;
