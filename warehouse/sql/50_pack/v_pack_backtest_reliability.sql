-- model: v_pack_backtest_reliability
-- grain: one row per as-of year x forecast method x P(met) bin (the selection backtest; with its neighbours in v_pack_backtest_cutoff_reliability)
-- key: as_of_year, method, bin_no
CREATE OR REPLACE VIEW v_pack_backtest_reliability AS
SELECT as_of_year, method, cutoff_year, bin_no, p_from, p_to, n, mean_p_met, share_met
FROM fact_backtest_reliability
WHERE is_selection;
COMMENT ON VIEW v_pack_backtest_reliability IS 'Evaluation pack methodology appendix: reliability table of each method''s P(met) in the selection backtest.';
COMMENT ON COLUMN v_pack_backtest_reliability.as_of_year IS 'As-of year of the forecast run that this backtest chose the default method for.';
COMMENT ON COLUMN v_pack_backtest_reliability.method IS 'Forecast method: unsd_cagr, weighted_trend or ml.';
COMMENT ON COLUMN v_pack_backtest_reliability.cutoff_year IS 'Data after this year were hidden.';
COMMENT ON COLUMN v_pack_backtest_reliability.bin_no IS 'Bin number, 0 = lowest P(met).';
COMMENT ON COLUMN v_pack_backtest_reliability.p_from IS 'Lower end of the P(met) bin (inclusive).';
COMMENT ON COLUMN v_pack_backtest_reliability.p_to IS 'Upper end of the P(met) bin (exclusive, except 1 in the last bin).';
COMMENT ON COLUMN v_pack_backtest_reliability.n IS 'Forecasts in the bin.';
COMMENT ON COLUMN v_pack_backtest_reliability.mean_p_met IS 'Mean predicted P(met) in the bin (0-1); null when empty.';
COMMENT ON COLUMN v_pack_backtest_reliability.share_met IS 'Share (0-1) of the bin''s targets met at the deadline; null when empty.';
