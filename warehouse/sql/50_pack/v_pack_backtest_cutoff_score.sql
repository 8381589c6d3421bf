-- model: v_pack_backtest_cutoff_score
-- grain: one row per as-of year x backtest cutoff x forecast method: the selection backtest and the cutoffs a year either side of it
-- key: as_of_year, cutoff_year, method
-- The methods appendix's evidence, stored by the forecast run so the pack only reads it (one cutoff can flatter a method
-- by luck of the years; the neighbours show whether its scores hold when the horizon is a year longer or shorter).
CREATE OR REPLACE VIEW v_pack_backtest_cutoff_score AS
SELECT as_of_year, cutoff_year, method, is_selection, n, accuracy, brier, log_loss, auc, mae, coverage_80, coverage_80_uncalibrated, interval_scales
FROM fact_backtest_score;
COMMENT ON VIEW v_pack_backtest_cutoff_score IS 'Evaluation pack methodology appendix: every method''s backtest scores at the selection cutoff and a year either side of it.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.as_of_year IS 'As-of year of the forecast run that stored these backtests; only deadlines observed by it are scored.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.cutoff_year IS 'Data after this year were hidden; each method was scored on deadlines observed after it.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.method IS 'Forecast method: unsd_cagr, weighted_trend, ml or combined.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.is_selection IS 'True for the backtest that chose the default method; false for a neighbouring cutoff.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.n IS 'Target series scored (0: nothing to score at this cutoff; the scores are then null).';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.accuracy IS 'Share (0-1) of series whose outcome the method called right, P(met) >= 0.5 counting as "met".';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.brier IS 'Mean squared error of P(met) against the observed outcome, 0-1 (lower is better).';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.log_loss IS 'Mean negative log-likelihood of the outcomes, probabilities clipped to [1e-6, 1 - 1e-6] (lower is better).';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.auc IS 'Area under the ROC curve of P(met), 0-1; null when only one outcome occurred.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.mae IS 'Mean absolute error of the projected value at the deadline, in the indicators'' own units.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.coverage_80 IS 'Share (0-1) of deadline values inside the 80% interval after the rolling-origin calibration (goal 0.75-0.85).';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.coverage_80_uncalibrated IS 'The same share for the model interval before calibration.';
COMMENT ON COLUMN v_pack_backtest_cutoff_score.interval_scales IS 'Calibration factors applied to the spread, by horizon 1/2/3/4/5+ years, two decimals each, separated by /.';
