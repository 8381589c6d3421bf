-- Schema version 10: the reject-reason vocabulary and the warehouse parameters (vocab_reject_reason, vocab_parameter: new
-- tables created by replaying the models and filled from seeds/vocabulary/*.csv by the migrator).
-- dim_year becomes a view over the year range of vocab_parameter: the migrator drops the old table of that name when it
-- re-creates the views (SchemaMigrator: a table that is now a view).
-- The focus city moves from mart_parameter to vocab_parameter (seeds/vocabulary/parameters.csv), its one definition.
DELETE FROM mart_parameter WHERE name = 'focus_area_code';
