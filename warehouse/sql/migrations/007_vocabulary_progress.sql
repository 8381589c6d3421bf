-- Schema version 7: the progress-status vocabulary (vocab_progress_status, a new table created by replaying the models
-- and filled from seeds/vocabulary/progress_statuses.csv by the migrator). Nothing existing changes shape.
SELECT 1;
