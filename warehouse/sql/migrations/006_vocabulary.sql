-- Schema version 6: the status vocabulary (vocab_status, a new table created by replaying the models and filled from
-- seeds/vocabulary/statuses.csv by the migrator) and the evaluation views that join it. Nothing existing changes shape.
SELECT 1;
