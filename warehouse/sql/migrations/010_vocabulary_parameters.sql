-- Schema version 10: the reject-reason vocabulary (vocab_reject_reason, a new table created by replaying the models and
-- filled from seeds/vocabulary/reject_reasons.csv by the migrator). Nothing existing changes shape.
SELECT 1;
