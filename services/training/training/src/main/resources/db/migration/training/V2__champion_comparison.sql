-- The comparison with the champion is made on the held-out items the champion never trained on: both models'
-- scores there, and how many items that was. (champion_version and champion stay for jobs evaluated before.)
ALTER TABLE training_job ADD COLUMN comparison jsonb;
