-- model: fact_backtest_score
-- grain: one row per as-of year x backtest cutoff x forecast method: the selection backtest behind the default method and its neighbouring cutoffs
-- key: as_of_year, cutoff_year, method
-- not_null: n, is_default, is_selection
-- accepted_values: method in (unsd_cagr, weighted_trend, ml, combined)
-- expression: brier IS NULL OR (brier >= 0 AND brier <= 1)
-- expression: cutoff_year < as_of_year
-- expression: coverage_80 IS NULL OR (coverage_80 BETWEEN 0 AND 1 AND coverage_80_uncalibrated BETWEEN 0 AND 1)
CREATE TABLE IF NOT EXISTS fact_backtest_score (
    as_of_year   INTEGER NOT NULL,
    cutoff_year  INTEGER NOT NULL,
    method       VARCHAR NOT NULL,
    n            INTEGER NOT NULL,
    accuracy     DOUBLE,
    brier        DOUBLE,
    log_loss     DOUBLE,
    auc          DOUBLE,
    mae          DOUBLE,
    is_default   BOOLEAN NOT NULL,
    coverage_80  DOUBLE,
    coverage_80_uncalibrated DOUBLE,
    interval_scales VARCHAR,
    is_selection BOOLEAN
);
COMMENT ON TABLE fact_backtest_score IS 'Scores of the backtests the forecast step runs: the one that chooses its default method (is_selection) and those a year either side of it, which the pack''s methods appendix shows beside it; data after cutoff_year hidden, attainment at observed deadlines up to as_of_year scored.';
COMMENT ON COLUMN fact_backtest_score.brier IS 'Mean squared error of P(met) against the observed outcome (lower is better); the default method has the lowest.';
COMMENT ON COLUMN fact_backtest_score.log_loss IS 'Mean negative log-likelihood, probabilities clipped to [1e-6, 1 - 1e-6].';
COMMENT ON COLUMN fact_backtest_score.auc IS 'Area under the ROC curve of P(met); null when only one outcome occurred.';
COMMENT ON COLUMN fact_backtest_score.coverage_80 IS 'Share of deadline values inside the 80% interval (after the rolling-origin calibration); goal 0.75-0.85.';
COMMENT ON COLUMN fact_backtest_score.coverage_80_uncalibrated IS 'The same for the model interval before calibration.';
COMMENT ON COLUMN fact_backtest_score.interval_scales IS 'Calibration factors applied to the spread by horizon 1/2/3/4/5+ years.';
COMMENT ON COLUMN fact_backtest_score.mae IS 'Mean absolute error of the projected value at the deadline.';
COMMENT ON COLUMN fact_backtest_score.is_selection IS 'True for the backtest that chose the default method; false for its neighbouring cutoffs (the same scoring, a year earlier or later).';
