-- model: meta_forecast_run
-- grain: one row per as-of year: the wcc forecast run whose rows fact_forecast, fact_backtest_score and fact_backtest_reliability hold for that year
-- key: as_of_year
-- not_null: computed_at, default_method, forecast_rows, backtest_rows
-- relationship: last_load_id -> etl_run.load_id
-- accepted_values: default_method in (unsd_cagr, weighted_trend, ml, combined)
-- expression: selection_cutoff_year IS NULL OR selection_cutoff_year < as_of_year
CREATE TABLE IF NOT EXISTS meta_forecast_run (
    as_of_year            INTEGER NOT NULL,
    last_load_id          INTEGER,
    computed_at           TIMESTAMP NOT NULL,
    default_method        VARCHAR NOT NULL,
    selection_cutoff_year INTEGER,
    forecast_rows         BIGINT NOT NULL,
    backtest_rows         BIGINT NOT NULL
);
COMMENT ON TABLE meta_forecast_run IS 'When the stored forecasts and backtests of each as-of year were computed, and from which data: reports read them without recomputing while forecast_current(as_of_year) holds.';
COMMENT ON COLUMN meta_forecast_run.as_of_year IS 'As-of year of the forecast run (fact_forecast.as_of_year).';
COMMENT ON COLUMN meta_forecast_run.last_load_id IS 'The latest succeeded load (etl_run.load_id) the run saw; null when none was recorded.';
COMMENT ON COLUMN meta_forecast_run.computed_at IS 'When the run stored its rows (audit only: currency is decided by last_load_id, not by clocks).';
COMMENT ON COLUMN meta_forecast_run.default_method IS 'The method the selection backtest scored best (fact_forecast.is_default), which reports show.';
COMMENT ON COLUMN meta_forecast_run.selection_cutoff_year IS 'Cutoff of the selection backtest (fact_backtest_score rows with is_selection); null when no deadline was observed to backtest on.';
COMMENT ON COLUMN meta_forecast_run.forecast_rows IS 'Rows the run stored in fact_forecast for its as-of year: rows deleted since make the run not current.';
COMMENT ON COLUMN meta_forecast_run.backtest_rows IS 'Rows the run stored in fact_backtest_score (the selection backtest and its neighbours): rows deleted since make the run not current.';
