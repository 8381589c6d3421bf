-- model: forecast_current
-- grain: scalar macro forecast_current(as_of): true when the stored forecasts and backtests for that as-of year are current
-- The one rule for when reports may show stored analytics without recomputing them (wcc pack opens the warehouse
-- read-only then): a forecast run for exactly this as-of year is recorded, no data were loaded after it (the latest
-- succeeded load it saw is still the latest one), and the rows it stored are all still there. Any load (observations,
-- targets, progress, a rebuild from seeds) makes every as-of year stale until `wcc forecast` (or a pack, which
-- refreshes them) runs again.
CREATE OR REPLACE MACRO forecast_current(as_of) AS
    EXISTS (SELECT 1 FROM meta_forecast_run r
            WHERE r.as_of_year = as_of
              AND r.last_load_id IS NOT DISTINCT FROM latest_load_id()
              AND r.forecast_rows = (SELECT count(*) FROM fact_forecast f WHERE f.as_of_year = as_of)
              AND r.backtest_rows = (SELECT count(*) FROM fact_backtest_score b WHERE b.as_of_year = as_of));
