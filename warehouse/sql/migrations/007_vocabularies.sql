-- Schema version 7: the progress-status and role vocabularies (vocab_progress_status, vocab_role: new tables created by
-- replaying the models and filled from seeds/vocabulary/*.csv by the migrator). Nothing existing changes shape.
SELECT 1;
