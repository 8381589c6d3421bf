-- model: v_pack_backtest_cutoff_reliability
-- grain: one row per as-of year x backtest cutoff x forecast method x P(met) bin
-- key: as_of_year, cutoff_year, method, bin_no
CREATE OR REPLACE VIEW v_pack_backtest_cutoff_reliability AS
SELECT as_of_year, cutoff_year, method, is_selection, bin_no, p_from, p_to, n, mean_p_met, share_met
FROM fact_backtest_reliability;
COMMENT ON VIEW v_pack_backtest_cutoff_reliability IS 'Evaluation pack methodology appendix: reliability of each method''s P(met) at the selection cutoff and a year either side of it.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.as_of_year IS 'As-of year of the forecast run that stored these backtests.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.cutoff_year IS 'Data after this year were hidden.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.method IS 'Forecast method: unsd_cagr, weighted_trend, ml or combined.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.is_selection IS 'True for the backtest that chose the default method; false for a neighbouring cutoff.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.bin_no IS 'Bin number, 0 = lowest P(met).';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.p_from IS 'Lower end of the P(met) bin (inclusive).';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.p_to IS 'Upper end of the P(met) bin (exclusive, except 1 in the last bin).';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.n IS 'Forecasts in the bin.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.mean_p_met IS 'Mean predicted P(met) in the bin (0-1); null when empty.';
COMMENT ON COLUMN v_pack_backtest_cutoff_reliability.share_met IS 'Share (0-1) of the bin''s targets met at the deadline; null when empty.';
