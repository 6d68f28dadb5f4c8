-- Match runs are kept for openhire.matching.match-run-retention (default 90 days): the pruner deletes the
-- oldest runs in batches (their match_shown lines go with them, ON DELETE CASCADE) and finds them by time.
-- match_feedback.run_id is not a foreign key: feedback keeps its own copy of what was shown and outlives the run.
CREATE INDEX match_run_created ON match_run (created_at);
