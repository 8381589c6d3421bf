-- Schema version 9: the analytics store what the pack shows, so the pack only reads. fact_backtest_score and
-- fact_backtest_reliability also hold the backtests at the cutoffs beside the selection one (is_selection tells them
-- apart; appended last, as the models list it). Every row stored before was a selection row, so the column is added
-- with the default true (which fills them) and the default is then dropped: new rows always say which they are.
-- IF EXISTS: a version-1 file has no backtest tables yet (the models create them). meta_forecast_run is a new table,
-- created by replaying the models; a warehouse migrated here has no row in it, so its forecasts count as stale until
-- the next forecast run (or a pack, which refreshes them).
ALTER TABLE IF EXISTS fact_backtest_score ADD COLUMN IF NOT EXISTS is_selection BOOLEAN DEFAULT true;
ALTER TABLE IF EXISTS fact_backtest_score ALTER COLUMN is_selection DROP DEFAULT;
ALTER TABLE IF EXISTS fact_backtest_reliability ADD COLUMN IF NOT EXISTS is_selection BOOLEAN DEFAULT true;
ALTER TABLE IF EXISTS fact_backtest_reliability ALTER COLUMN is_selection DROP DEFAULT;
