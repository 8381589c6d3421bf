-- migration 003: the forecast stores its predictive distribution and interval calibration; the backtest its coverage and
-- reliability table (new table, created by the models); plan assessments their limits and tighter targets.
-- Columns are only added (never renamed); IF EXISTS: a version-1 file has no forecast tables yet (the models create them).
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS value_scale VARCHAR;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS scale_lower DOUBLE;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS scale_upper DOUBLE;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS scale_offset DOUBLE;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS location DOUBLE;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS spread DOUBLE;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS df DOUBLE;
ALTER TABLE IF EXISTS fact_forecast ADD COLUMN IF NOT EXISTS interval_scale DOUBLE;
ALTER TABLE IF EXISTS fact_backtest_score ADD COLUMN IF NOT EXISTS coverage_80 DOUBLE;
ALTER TABLE IF EXISTS fact_backtest_score ADD COLUMN IF NOT EXISTS coverage_80_uncalibrated DOUBLE;
ALTER TABLE IF EXISTS fact_backtest_score ADD COLUMN IF NOT EXISTS interval_scales VARCHAR;
ALTER TABLE IF EXISTS plan_target_assessment ADD COLUMN IF NOT EXISTS limit_floor DOUBLE;
ALTER TABLE IF EXISTS plan_target_assessment ADD COLUMN IF NOT EXISTS limit_ceiling DOUBLE;
ALTER TABLE IF EXISTS plan_target_assessment ADD COLUMN IF NOT EXISTS met_by_wide_margin BOOLEAN;
ALTER TABLE IF EXISTS plan_target_assessment ADD COLUMN IF NOT EXISTS tighter_target DOUBLE;
