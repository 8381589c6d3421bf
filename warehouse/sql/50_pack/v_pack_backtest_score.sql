-- model: v_pack_backtest_score
-- grain: one row per as-of year x forecast method (the selection backtest; its neighbours are in v_pack_backtest_cutoff_score)
-- key: as_of_year, method
CREATE OR REPLACE VIEW v_pack_backtest_score AS
SELECT as_of_year, method, cutoff_year, n, accuracy, brier, log_loss, auc, mae, is_default, coverage_80, coverage_80_uncalibrated, interval_scales
FROM fact_backtest_score
WHERE is_selection;
COMMENT ON VIEW v_pack_backtest_score IS 'Evaluation pack methodology appendix: backtest scores of each forecast method (the default has the lowest Brier score).';
COMMENT ON COLUMN v_pack_backtest_score.as_of_year IS 'As-of year of the forecast run that this backtest chose the default method for.';
COMMENT ON COLUMN v_pack_backtest_score.method IS 'Forecast method: unsd_cagr (UNSD Progress Chart CAGR rule), weighted_trend (time-weighted linear trend) or ml (ML.NET FastTree classifier).';
COMMENT ON COLUMN v_pack_backtest_score.cutoff_year IS 'Data after this year were hidden; each method was scored on deadlines observed after it.';
COMMENT ON COLUMN v_pack_backtest_score.n IS 'Target series scored.';
COMMENT ON COLUMN v_pack_backtest_score.accuracy IS 'Share (0-1) of series whose outcome the method called right, P(met) >= 0.5 counting as "met".';
COMMENT ON COLUMN v_pack_backtest_score.brier IS 'Mean squared error of P(met) against the observed outcome, 0-1 (lower is better); the default method has the lowest.';
COMMENT ON COLUMN v_pack_backtest_score.log_loss IS 'Mean negative log-likelihood of the outcomes, probabilities clipped to [1e-6, 1 - 1e-6] (lower is better).';
COMMENT ON COLUMN v_pack_backtest_score.auc IS 'Area under the ROC curve of P(met), 0-1; null when only one outcome occurred.';
COMMENT ON COLUMN v_pack_backtest_score.mae IS 'Mean absolute error of the projected value at the deadline, in the indicators'' own units.';
COMMENT ON COLUMN v_pack_backtest_score.coverage_80 IS 'Share (0-1) of deadline values inside the 80% interval after the rolling-origin calibration (goal 0.75-0.85).';
COMMENT ON COLUMN v_pack_backtest_score.coverage_80_uncalibrated IS 'The same share for the model interval before calibration.';
COMMENT ON COLUMN v_pack_backtest_score.interval_scales IS 'Calibration factors applied to the spread, by horizon 1/2/3/4/5+ years.';
COMMENT ON COLUMN v_pack_backtest_score.is_default IS 'True for the method with the lowest Brier score: the one forecasts and reports use by default.';
